import adapter from '@sveltejs/adapter-static';

// The pipeline points these at its temporary build folder (see src/pipeline/buildSite.ts);
// a plain `vite build` of the app falls back to build/.
const pages = process.env.IPINDEX_SITE_OUT ?? 'build';

/** @type {import('@sveltejs/kit').Config} */
export default {
  kit: {
    adapter: adapter({ pages, assets: pages, strict: true }),
    paths: { relative: true },
    prerender: { handleHttpError: 'fail', handleMissingId: 'fail' },
  },
};
