// Runs in worker threads (renderWorker.ts): compiled to JavaScript with the command (lib/), or
// from the sources through tsx while developing (renderSite.ts).
import { mkdir, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { scanLinks } from './scanLinks.ts';

/** What one renderer is asked to do: which pages of the compiled app to write where. */
export type RenderTask = {
  /** The compiled app's `output` folder (compiledApp.ts). */
  output: string;
  /** The folder the pages are written into, as `path/index.html`. */
  siteDir: string;
  /** The pages of this share: those under /en/, or all the others. Links elsewhere are returned. */
  share: 'en' | 'zh';
};

/** What a renderer wrote and what its pages link to that it did not write itself. */
export type RenderResult = {
  pages: string[];
  /** Root-relative paths linked from the pages and not rendered here, with a page linking them. */
  outside: [path: string, from: string][];
  /** Element ids of every page written, for links with a #fragment. */
  ids: Record<string, string[]>;
  /** Links with a #fragment: page + '#' + id, with a page linking them. */
  fragments: [target: string, from: string][];
  /** Pages that did not answer 200. */
  failed: { path: string; status: number; from: string | null; message: string }[];
};

// The parts of SvelteKit's compiled server that the renderer uses.
type PageNode = { server?: { entries?: () => Promise<Record<string, string>[]> | Record<string, string>[] } };
type Manifest = { appDir: string; _: { nodes: (() => Promise<PageNode>)[]; routes: { id: string; page: { leaf: number } | null }[] } };
type KitServer = {
  init(options: { env: Record<string, string>; read: (file: string) => ReadableStream }): Promise<void>;
  respond(request: Request, options: Record<string, unknown>): Promise<Response>;
};

// SvelteKit's prerenderer requests pages from this origin; it is also what `url.origin` reads.
const origin = 'http://sveltekit-prerender';

/**
 * Renders one share of the site's pages from the compiled app, as SvelteKit's own prerenderer
 * does (the same server, the same `prerendering` state, so the same HTML and CSP <meta>; not
 * its __data.json files, which only navigation within the browser reads), and follows every
 * link of each page. It runs in a worker thread
 * (renderWorker.ts) so that the two languages render on two cores, each with its own report.
 */
export async function renderPages(task: RenderTask): Promise<RenderResult> {
  const server = join(task.output, 'server');
  const load = async (file: string): Promise<unknown> => await import(pathToFileURL(join(server, file)).href);

  // The order is SvelteKit's (src/core/postbuild/prerender.js): `building` and `prerendering`
  // are set before any page module is evaluated.
  const internal = (await load('internal.js')) as Record<string, ((value?: unknown) => void) | undefined>;
  internal.set_building?.();
  internal.set_prerendering?.();
  ((await load('env.js')) as { set_env: (env: Record<string, string>) => void }).set_env({});
  const { manifest } = (await load('manifest-full.js')) as { manifest: Manifest };
  const { Server } = (await load('index.js')) as { Server: new (manifest: Manifest) => KitServer };

  const read = (file: string) => readFileSync(join(server, file));
  const stream = (file: string) => new Blob([read(file)]).stream();
  internal.set_private_env?.({});
  internal.set_public_env?.({});
  internal.set_manifest?.(manifest);
  internal.set_read_implementation?.(stream);
  const app = new Server(manifest);
  await app.init({ env: {}, read: stream });

  const mine = (path: string) => (path === '/en/' || path.startsWith('/en/')) === (task.share === 'en');
  const result: RenderResult = { pages: [], outside: [], ids: {}, fragments: [], failed: [] };
  const seen = new Set<string>();
  const queue: [path: string, from: string | null][] = [];
  const enqueue = (path: string, from: string | null) => {
    if (seen.has(path)) return;
    seen.add(path);
    if (mine(path) && !isFile(path)) queue.push([path, from]);
    else if (from !== null) result.outside.push([path, from]);
  };

  async function visit(path: string, from: string | null) {
    const dependencies = new Map<string, { response: Response; body?: Uint8Array | string }>();
    const response = await app.respond(new Request(origin + encodeURI(path)), {
      getClientAddress() {
        throw new Error('a prerendered page cannot read the client address');
      },
      prerendering: { dependencies, remote_responses: new Map() },
      read,
    });
    const body = Buffer.from(await response.arrayBuffer());
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location !== null) {
      // A link without the trailing slash: SvelteKit answers with the normalised address.
      enqueue(decodeURI(new URL(location, origin + path).pathname), path);
      return;
    }
    if (response.status !== 200) {
      result.failed.push({ path, status: response.status, from, message: body.toString('utf8').slice(0, 500) });
      return;
    }
    await write(path, body);
    result.pages.push(path);
    for (const [dependency, answer] of dependencies) {
      const file = decodeURI(new URL(dependency, origin).pathname);
      // A page's data file serves navigation within the browser, which this site does not do
      // (links load their page: src/app.html); the page holds its own data for hydration.
      if (file.endsWith('/__data.json')) continue;
      await write(file, answer.body ?? new Uint8Array(await answer.response.arrayBuffer()));
    }
    if (response.headers.get('content-type') !== 'text/html') return;
    const { ids, hrefs } = scanLinks(body.toString('utf8'), path);
    result.ids[path] = ids;
    for (const href of hrefs) {
      if (!href.startsWith('/')) continue;
      const url = new URL(href, origin);
      const target = decodeURI(url.pathname);
      if (url.hash.length > 1) result.fragments.push([`${target}#${decodeURIComponent(url.hash.slice(1))}`, path]);
      enqueue(target, path);
    }
  }

  async function write(path: string, body: Uint8Array | string) {
    const file = join(task.siteDir, path.endsWith('/') ? `${path}index.html` : path);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, body);
  }

  // Seeds, as SvelteKit's `entries: ['*']`: every route without required parameters, and every
  // entry the routes' `entries` functions generate; crawling finds the rest.
  for (const route of manifest._.routes) {
    if (route.page === null) continue;
    if (!/\[\w+\]/.test(route.id.replace(/\[\[\w+\]\]/g, ''))) enqueue(routePath(route.id, {}), null);
    const node = await manifest._.nodes[route.page.leaf]?.();
    for (const params of (await node?.server?.entries?.()) ?? []) enqueue(routePath(route.id, params), null);
  }
  // A few at a time, so that writing one page's files overlaps rendering the next.
  const running = new Set<Promise<void>>();
  while (queue.length > 0 || running.size > 0) {
    while (queue.length > 0 && running.size < 4) {
      const [path, from] = queue.shift()!;
      const job: Promise<void> = visit(path, from).finally(() => running.delete(job));
      running.add(job);
    }
    await Promise.race(running);
  }
  return result;
}

/** The page address of a route for the given parameters: `/[[lang]]/region/[code]` -> `/en/region/110000/`. */
export function routePath(id: string, params: Record<string, string>): string {
  const segments = id
    .split('/')
    .filter((s) => s !== '')
    .flatMap((segment) => {
      const [, optional] = /^\[\[(\w+)\]\]$/.exec(segment) ?? [];
      if (optional !== undefined) return params[optional] ? [params[optional]] : [];
      const [, required] = /^\[(\w+)\]$/.exec(segment) ?? [];
      if (required === undefined) return [segment];
      const value = params[required];
      if (value === undefined) throw new Error(`route ${id} needs the parameter ${required}`);
      return [value];
    });
  return segments.length === 0 ? '/' : `/${segments.join('/')}/`;
}

/** A link to a file (downloads, the app's scripts, the favicon), not to a page. */
function isFile(path: string): boolean {
  return /\.[a-z0-9]+$/i.test(path);
}
