// `ipindex build` compiles the app into a folder of its cache (src/site/compiledApp.ts)
// and renders the pages from it itself (src/site/renderPages.ts): the app is compiled
// once per version, not once per build of the data.
const outDir = process.env.IPINDEX_KIT_DIR ?? '.svelte-kit';

/** @type {import('@sveltejs/kit').Config} */
export default {
  kit: {
    // Nothing to adapt: the compiled output is what src/site/ renders pages from.
    adapter: { name: 'ipindex', adapt() {} },
    outDir,
    // Relative links: the report works from any sub-path of any host, and from a folder.
    paths: { relative: true },
    alias: { $components: 'src/components', $charts: 'src/charts' },
    // Prerendered pages carry the policy as a <meta> tag, with the hashes of SvelteKit's own
    // inline start-up script: no script runs unless it is one of the site's files. Styles may be
    // inline (Svelte sets widths and Plot's SVG carries presentation attributes).
    csp: {
      mode: 'hash',
      directives: {
        'default-src': ['self'],
        'script-src': ['self'],
        'style-src': ['self', 'unsafe-inline'],
        'img-src': ['self', 'data:'],
        'font-src': ['self'],
        'connect-src': ['self'],
        'object-src': ['none'],
        'base-uri': ['self'],
        'form-action': ['self'],
      },
    },
  },
};
