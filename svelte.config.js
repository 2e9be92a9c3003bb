import adapter from '@sveltejs/adapter-static';

// `ipindex build` (src/pipeline/buildSite.ts) points these at its own temporary folders, so that
// a failed build leaves the previous report intact and concurrent builds do not collide.
const pages = process.env.IPINDEX_SITE_OUT ?? 'build';
const outDir = process.env.IPINDEX_KIT_DIR ?? '.svelte-kit';

/** @type {import('@sveltejs/kit').Config} */
export default {
  kit: {
    adapter: adapter({ pages, assets: pages, strict: true }),
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
    prerender: {
      // data/ is written by the pipeline beside the pages, after they are prerendered.
      handleHttpError: ({ path, message }) => {
        if (path.includes('/data/')) return;
        throw new Error(message);
      },
      handleMissingId: 'fail',
      // Pages are written while others render; a few at a time measured ~15% faster here.
      concurrency: 4,
      // Pages of parts a run did not compute (national accounts without their inputs) are not
      // linked from anywhere, and are simply not written.
      handleUnseenRoutes: 'warn',
    },
  },
};
