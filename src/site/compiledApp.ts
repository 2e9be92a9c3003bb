import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { access, mkdir, readdir, readFile, rename, rm, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import { homedir, tmpdir, userInfo } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding svelte.config.js and src/routes: the report app. */
export const appRoot = fileURLToPath(new URL('../../', import.meta.url));

// What the compiled app is made from: a change to any of these compiles it again.
const sources = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'tsconfig.json', 'package-lock.json'];

/**
 * The report app compiled by Vite and SvelteKit (server and client code, no pages), from the
 * cache when its sources are unchanged. Compiling takes several seconds and does not depend on
 * the data, so a build compiles only once per version of the app; the pages are then rendered
 * from it (renderPages.ts). The cache is the user's (appCacheDir), never the installation's: a
 * build must work from an installation it cannot write to (`npm install -g`, a container,
 * another user's). Each compiled app has a link to the installation's node_modules, where its
 * server code finds its packages; a compile goes to its own folder and is renamed into place,
 * so concurrent builds never see a half-written app.
 */
export async function compiledApp(reportPath: string): Promise<{ output: string; compiled: boolean }> {
  const cache = await appCacheDir();
  const key = await sourcesHash();
  const ready = join(cache, key);
  const output = join(ready, 'kit', 'output');
  if (await exists(join(output, 'server', 'manifest-full.js'))) {
    // Marks it in use, so that a compile of other sources meanwhile does not remove it.
    const now = new Date();
    await utimes(ready, now, now).catch(() => {});
    return { output, compiled: false };
  }

  const building = `${ready}.building-${process.pid}-${Date.now()}`;
  try {
    await linkSources(building);
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
    const unused = await stat(path).then(
      (s) => Date.now() - s.mtimeMs > 3_600_000,
      () => false,
    );
    if (old !== key && unused) await rm(path, { recursive: true, force: true });
  }
  return { output, compiled: true };
}

/**
 * Where compiled apps are kept: IPINDEX_CACHE_DIR, else the user's cache folder (XDG_CACHE_HOME
 * or ~/.cache), else, when that cannot be written (no home, a read-only one), the temporary
 * folder, under the user's id.
 */
export async function appCacheDir(): Promise<string> {
  const candidates = [
    process.env.IPINDEX_CACHE_DIR,
    process.env.XDG_CACHE_HOME === undefined || process.env.XDG_CACHE_HOME === '' ? undefined : join(process.env.XDG_CACHE_HOME, 'ipindex'),
    homeDir() === null ? undefined : join(homeDir() as string, '.cache', 'ipindex'),
  ].filter((dir): dir is string => dir !== undefined && dir !== '');
  for (const dir of candidates) {
    const app = join(dir, 'app');
    const usable = await mkdir(app, { recursive: true })
      .then(() => access(app, constants.W_OK))
      .then(
        () => true,
        () => false,
      );
    if (usable) return app;
  }
  const app = join(tmpdir(), `ipindex-${userId()}`, 'app');
  await mkdir(app, { recursive: true });
  return app;
}

function homeDir(): string | null {
  try {
    return process.env.HOME ?? homedir();
  } catch {
    return null;
  }
}

function userId(): string {
  try {
    return String(userInfo().uid);
  } catch {
    return 'user';
  }
}

/** SHA-256 of the app's sources, file names included, in a stable order, and of where they are installed. */
async function sourcesHash(): Promise<string> {
  const hash = createHash('sha256').update(appRoot).update('\0');
  for (const file of (await Promise.all(sources.map((s) => filesUnder(join(appRoot, s))))).flat().sort()) {
    hash
      .update(relative(appRoot, file))
      .update('\0')
      .update(await readFile(file))
      .update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

async function filesUnder(path: string): Promise<string[]> {
  const entries = await readdir(path, { withFileTypes: true }).catch(() => null);
  if (entries === null) return (await exists(path)) ? [path] : [];
  return (await Promise.all(entries.map((e) => (e.isDirectory() ? filesUnder(join(path, e.name)) : [join(path, e.name)])))).flat();
}

/**
 * The folder a compile runs in, in the user's cache: links to the app's sources and config, a
 * tsconfig.json of its own (below), and a node_modules of its own holding a link to each
 * package of the installation's. Vite bundles its config file into the nearest node_modules
 * (and SvelteKit has it do so again while it analyses the app), so that node_modules must be a
 * folder of the cache; the compiled server code finds its packages through the same links.
 * SvelteKit writes into kit/ (IPINDEX_KIT_DIR), beside the links, never through them.
 */
async function linkSources(building: string): Promise<void> {
  await mkdir(join(building, 'node_modules'), { recursive: true });
  for (const name of ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package.json']) {
    await symlink(join(appRoot, name), join(building, name), name.includes('.') ? 'file' : 'junction');
  }
  // The compile's tsconfig.json (named in vite.config.ts, which says why): the project's compiler
  // options over what SvelteKit writes into kit/.
  const { compilerOptions } = JSON.parse(await readFile(join(appRoot, 'tsconfig.json'), 'utf8')) as { compilerOptions: unknown };
  await writeFile(join(building, 'tsconfig.json'), JSON.stringify({ extends: './kit/tsconfig.json', compilerOptions }, null, 2));
  const packages = join(appRoot, 'node_modules');
  for (const name of await readdir(packages)) {
    if (name.startsWith('.vite')) continue;
    await symlink(join(packages, name), join(building, 'node_modules', name), 'junction');
  }
}

/**
 * `vite build` of the app in `building` into its kit/, in a child process with its own
 * environment. The routes' `entries` read the report while SvelteKit analyses them, so one is
 * named; no page is prerendered (IPINDEX_SITE_COMPILE, src/routes/+layout.server.ts).
 */
async function viteBuild(building: string, reportPath: string): Promise<void> {
  const vite = join(appRoot, 'node_modules', 'vite', 'bin', 'vite.js');
  const output: string[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
      cwd: building,
      env: {
        ...process.env,
        IPINDEX_SITE_COMPILE: '1',
        IPINDEX_REPORT: reportPath,
        IPINDEX_KIT_DIR: join(building, 'kit'),
        NODE_ENV: 'production',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (code !== 0) throw new Error(`compiling the report app failed (exit code ${code}):\n${output.join('')}`);
}

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );
