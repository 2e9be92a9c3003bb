import { createServer, type Server } from 'node:http';
import sirv from 'sirv';

/**
 * Serves a built report on localhost, trying the next port when one is taken. Resolves with the
 * address once listening.
 */
export async function serve(dir: string, port: number): Promise<{ url: string; server: Server }> {
  const handler = sirv(dir, { dev: true, etag: true });
  for (let candidate = port; candidate < port + 20; candidate++) {
    const server = createServer((req, res) =>
      handler(req, res, () => {
        res.statusCode = 404;
        res.end('Not found');
      }),
    );
    const listening = await new Promise<boolean>((resolve, reject) => {
      server.once('error', (error: NodeJS.ErrnoException) => (error.code === 'EADDRINUSE' ? resolve(false) : reject(error)));
      server.listen(candidate, '127.0.0.1', () => resolve(true));
    });
    if (listening) return { url: `http://localhost:${candidate}/`, server };
  }
  throw new Error(`ports ${port} to ${port + 19} are all taken: choose one with --port`);
}
