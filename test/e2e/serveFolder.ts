import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';

/**
 * Serves a built report on a free localhost port under a sub-path (e.g. `/reports/ipindex/`),
 * as a host would that does not put it at the root; requests outside the sub-path get 404.
 */
export async function serveFolder(dir: string, prefix: string): Promise<{ url: string; close: () => Promise<void> }> {
  const handler = sirv(dir, { dev: true });
  const server = createServer((req, res) => {
    const notFound = () => {
      res.statusCode = 404;
      res.end('Not found');
    };
    if (!req.url?.startsWith(prefix)) return notFound();
    req.url = `/${req.url.slice(prefix.length)}`;
    handler(req, res, notFound);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
