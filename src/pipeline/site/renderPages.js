// @ts-check
// Plain JavaScript, type-checked through JSDoc: it runs in worker threads, which do not inherit
// the TypeScript loader of bin/ipindex.js (registering it again costs each worker about half a
// second and 25 MB).
import { mkdir, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { scanLinks } from './scanLinks.js';

/**
 * What one renderer is asked to do: which pages of the compiled app to write where.
 * @typedef {object} RenderTask
 * @property {string} output The compiled app's `output` folder (compiledApp.ts).
 * @property {string} siteDir The folder the pages are written into, as `path/index.html`.
 * @property {'en' | 'zh'} share The pages of this share: those under /en/, or all the others. Links elsewhere are returned.
 */

/**
 * What a renderer wrote and what its pages link to that it did not write itself.
 * @typedef {object} RenderResult
 * @property {string[]} pages
 * @property {[path: string, from: string][]} outside Root-relative paths linked from the pages and not rendered here, with a page linking them.
 * @property {Record<string, string[]>} ids Element ids of every page written, for links with a #fragment.
 * @property {[target: string, from: string][]} fragments Links with a #fragment: page + '#' + id, with a page linking them.
 * @property {{ path: string, status: number, from: string | null, message: string }[]} failed Pages that did not answer 200.
 */

/**
 * @typedef {{ server?: { entries?: () => Promise<Record<string, string>[]> | Record<string, string>[] } }} PageNode
 * @typedef {{ appDir: string, _: { nodes: (() => Promise<PageNode>)[], routes: { id: string, page: { leaf: number } | null }[] } }} Manifest
 * @typedef {{ init(options: { env: Record<string, string>, read: (file: string) => ReadableStream }): Promise<void>, respond(request: Request, options: Record<string, unknown>): Promise<Response> }} KitServer
 */

// SvelteKit's prerenderer requests pages from this origin; it is also what `url.origin` reads.
const origin = 'http://sveltekit-prerender';

/**
 * Renders one share of the site's pages from the compiled app, as SvelteKit's own prerenderer
 * does (the same server, the same `prerendering` state, so the same HTML and CSP <meta>; not
 * its __data.json files, which only navigation within the browser reads), and follows every
 * link of each page. It runs in a worker thread
 * (renderWorker.js) so that the two languages render on two cores, each with its own report.
 */
/**
 * @param {RenderTask} task
 * @returns {Promise<RenderResult>}
 */
export async function renderPages(task) {
  const server = join(task.output, 'server');
  /** @param {string} file */
  const load = async (file) => await import(pathToFileURL(join(server, file)).href);

  // The order is SvelteKit's (src/core/postbuild/prerender.js): `building` and `prerendering`
  // are set before any page module is evaluated.
  /** @type {Record<string, (value?: unknown) => void>} */
  const internal = await load('internal.js');
  internal.set_building?.();
  internal.set_prerendering?.();
  (await load('env.js')).set_env({});
  /** @type {{ manifest: Manifest }} */
  const { manifest } = await load('manifest-full.js');
  /** @type {{ Server: new (manifest: Manifest) => KitServer }} */
  const { Server } = await load('index.js');

  /** @param {string} file */
  const read = (file) => readFileSync(join(server, file));
  /** @param {string} file */
  const stream = (file) => new Blob([read(file)]).stream();
  internal.set_private_env?.({});
  internal.set_public_env?.({});
  internal.set_manifest?.(manifest);
  internal.set_read_implementation?.(stream);
  const app = new Server(manifest);
  await app.init({ env: {}, read: stream });

  /** @param {string} path */
  const mine = (path) => (path === '/en/' || path.startsWith('/en/')) === (task.share === 'en');
  /** @type {RenderResult} */
  const result = { pages: [], outside: [], ids: {}, fragments: [], failed: [] };
  /** @type {Set<string>} */
  const seen = new Set();
  /** @type {[path: string, from: string | null][]} */
  const queue = [];
  /** @param {string} path @param {string | null} from */
  const enqueue = (path, from) => {
    if (seen.has(path)) return;
    seen.add(path);
    if (mine(path) && !isFile(path)) queue.push([path, from]);
    else if (from !== null) result.outside.push([path, from]);
  };

  /** @param {string} path @param {string | null} from */
  async function visit(path, from) {
    /** @type {Map<string, { response: Response, body?: Uint8Array | string }>} */
    const dependencies = new Map();
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

  /** @param {string} path @param {Uint8Array | string} body */
  async function write(path, body) {
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
  /** @type {Set<Promise<void>>} */
  const running = new Set();
  while (queue.length > 0 || running.size > 0) {
    while (queue.length > 0 && running.size < 4) {
      const [path, from] = /** @type {[string, string | null]} */ (queue.shift());
      /** @type {Promise<void>} */
      const job = visit(path, from).finally(() => running.delete(job));
      running.add(job);
    }
    await Promise.race(running);
  }
  return result;
}

/**
 * The page address of a route for the given parameters: `/[[lang]]/region/[code]` -> `/en/region/110000/`.
 * @param {string} id
 * @param {Record<string, string>} params
 * @returns {string}
 */
export function routePath(id, params) {
  const segments = id.split('/').filter((s) => s !== '').flatMap((segment) => {
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

/**
 * A link to a file (downloads, the app's scripts, the favicon), not to a page.
 * @param {string} path
 */
function isFile(path) {
  return /\.[a-z0-9]+$/i.test(path);
}
