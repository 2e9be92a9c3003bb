import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { UsageError } from '../../lib/InputError.ts';
import { type Command, oneFolder } from '../CommandRun.ts';

/** `ipindex serve <dir>`: a built report served on localhost until stopped. */
export const serveCommand: Command = async ({ args, values, write }) => {
  const folder = oneFolder('serve', args);
  const port = Number(values.port ?? '4173');
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError(`--port ${values.port} is not a port number (1-65535)`);
  const hasIndex = await access(join(folder, 'index.html')).then(
    () => true,
    () => false,
  );
  if (!hasIndex) throw new UsageError(`${folder} has no index.html: build the report first (ipindex build <data-dir> --out ${folder})`);
  const { serve } = await import('../serve.ts');
  const { url } = await serve(folder, port);
  write(`ipindex: serving ${folder} at ${url}  (Ctrl+C to stop)`);
  await new Promise(() => {});
  return 0;
};
