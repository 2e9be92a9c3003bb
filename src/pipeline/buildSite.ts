import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding svelte.config.js and src/routes: the report app. */
export const appRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Prerenders the report app into `pagesDir` from the report JSON at `reportPath`. Runs Vite in
 * a child process so that each build has its own environment and SvelteKit work folder, and
 * two builds at once cannot overwrite each other's files.
 */
export async function buildSite(pagesDir: string, reportPath: string, kitDir: string): Promise<void> {
  const vite = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');
  const output: string[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
      cwd: appRoot,
      env: { ...process.env, IPINDEX_SITE_OUT: pagesDir, IPINDEX_REPORT: reportPath, IPINDEX_KIT_DIR: kitDir, NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (code !== 0) throw new Error(`the site build failed (vite exited with ${code}):\n${output.join('')}`);
}
