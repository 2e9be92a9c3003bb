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
    paths: { relative: true },
    prerender: {
      // data/ is written by the pipeline beside the pages, after they are prerendered.
      handleHttpError: ({ path, message }) => {
        if (path.startsWith('/data/')) return;
        throw new Error(message);
      },
      handleMissingId: 'fail',
    },
  },
};
