import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

// tsconfig.json extends the one SvelteKit generates in .svelte-kit/, which a fresh clone does not
// have until `svelte-kit sync` has run; `ipindex build` writes its SvelteKit files elsewhere
// (IPINDEX_KIT_DIR), so the default folder is synced here, once, and never by ipindex build,
// which must not write into the installation.
if (process.env.IPINDEX_KIT_DIR === undefined && !existsSync('.svelte-kit/tsconfig.json')) {
  const { IPINDEX_KIT_DIR: _, ...env } = process.env;
  const kit = dirname(createRequire(import.meta.url).resolve('@sveltejs/kit/package.json'));
  execFileSync(process.execPath, [join(kit, 'svelte-kit.js'), 'sync'], { env, stdio: 'ignore' });
}

export default defineConfig({
  plugins: [sveltekit()],
  // The build log's gzipped sizes are read by nobody (bench/site.ts weighs the pages) and cost
  // a compression of every chunk on each `ipindex build`.
  build: { reportCompressedSize: false },
  // `ipindex build` compiles in a folder of its own (src/site/compiledApp.ts), whose sources are
  // links: Vite would take the tsconfig.json beside their real files, which extends the
  // installation's .svelte-kit/ (absent after a fresh `npm ci`), so the compile names its own.
  ...(process.env.IPINDEX_KIT_DIR === undefined ? {} : { tsconfig: 'tsconfig.json' }),
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['default', './test/closingLineReporter.ts'],
    environment: 'node',
    // A test that asserts nothing cannot fail, so it is an error.
    expect: { requireAssertions: true },
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
