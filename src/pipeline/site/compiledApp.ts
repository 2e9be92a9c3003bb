import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { access, readdir, readFile, rename, rm, stat, utimes } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding svelte.config.js and src/routes: the report app. */
export const appRoot = fileURLToPath(new URL('../../../', import.meta.url));

// What the compiled app is made from: a change to any of these compiles it again.
const sources = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'tsconfig.json', 'package-lock.json'];

/**
 * The report app compiled by Vite and SvelteKit (server and client code, no pages), from the
 * cache when its sources are unchanged. Compiling takes several seconds and does not depend on
 * the data, so a build compiles only once per version of the app; the pages are then rendered
 * from it (renderPages.ts). The cache sits inside the app, where the server code finds
 * node_modules; a compile goes to its own folder and is renamed into place, so concurrent builds
 * never see a half-written app.
 */
export async function compiledApp(reportPath: string): Promise<{ output: string; compiled: boolean }> {
  const cache = join(appRoot, '.svelte-kit', 'ipindex-app');
  const key = await sourcesHash();
  const ready = join(cache, key);
  const output = join(ready, 'output');
  if (await exists(join(output, 'server', 'manifest-full.js'))) {
    // Marks it in use, so that a compile of other sources meanwhile does not remove it.
    const now = new Date();
    await utimes(ready, now, now);
    return { output, compiled: false };
  }

  const building = `${ready}.building-${process.pid}-${Date.now()}`;
  try {
    await viteBuild(building, reportPath);
    await rename(building, ready).catch(async (error: NodeJS.ErrnoException) => {
      // Another build compiled the same sources meanwhile: theirs serves as well.
      if (!(await exists(join(output, 'server', 'manifest-full.js')))) throw error;
    });
  } finally {
    await rm(building, { recursive: true, force: true });
  }
  // Apps of other sources go once no build has used them for an hour: a build still rendering
  // from one (the sources were edited meanwhile) keeps it.
  for (const old of await readdir(cache)) {
    const path = join(cache, old);
    const unused = await stat(path).then((s) => Date.now() - s.mtimeMs > 3_600_000, () => false);
    if (old !== key && unused) await rm(path, { recursive: true, force: true });
  }
  return { output, compiled: true };
}

/** SHA-256 of the app's sources, file names included, in a stable order. */
async function sourcesHash(): Promise<string> {
  const hash = createHash('sha256');
  for (const file of (await Promise.all(sources.map((s) => filesUnder(join(appRoot, s))))).flat().sort()) {
    hash.update(relative(appRoot, file)).update('\0').update(await readFile(file)).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

async function filesUnder(path: string): Promise<string[]> {
  const entries = await readdir(path, { withFileTypes: true }).catch(() => null);
  if (entries === null) return (await exists(path)) ? [path] : [];
  return (await Promise.all(entries.map((e) => (e.isDirectory() ? filesUnder(join(path, e.name)) : [join(path, e.name)])))).flat();
}

/**
 * `vite build` of the app into `kitDir`, in a child process with its own environment. The
 * routes' `entries` read the report while SvelteKit analyses them, so one is named; no page
 * is prerendered (IPINDEX_SITE_COMPILE, src/routes/+layout.server.ts).
 */
async function viteBuild(kitDir: string, reportPath: string): Promise<void> {
  const vite = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');
  const output: string[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
      cwd: appRoot,
      env: { ...process.env, IPINDEX_SITE_COMPILE: '1', IPINDEX_REPORT: reportPath, IPINDEX_KIT_DIR: kitDir, NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (code !== 0) throw new Error(`compiling the report app failed (vite exited with ${code}):\n${output.join('')}`);
}

const exists = (path: string) => access(path).then(() => true, () => false);
