import { Worker, type ResourceLimits } from 'node:worker_threads';

/**
 * Starts a worker thread running the module `name` beside the file at `base` (an
 * `import.meta.url`), given as it is named in the sources (`./renderWorker.ts`). Compiled (lib/),
 * the worker is the JavaScript beside the caller; from the sources (tests, development) it is
 * TypeScript, loaded after registering tsx's loader. tsx is resolved from this file: an eval'd
 * worker would resolve it from the working directory, which need not be the project's.
 */
export function startWorker(
  base: string,
  name: string,
  options: { workerData: unknown; env?: NodeJS.ProcessEnv; resourceLimits?: ResourceLimits },
): Worker {
  const compiled = import.meta.url.endsWith('.js');
  const entry = new URL(compiled ? name.replace(/\.ts$/, '.js') : name, base);
  const source = compiled
    ? entry
    : `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(source, { eval: !compiled, ...options });
}

/** What a worker sends first, or its error, or a failure for an exit without either. */
export function workerResult<T>(worker: Worker, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`${what} stopped with exit code ${code}`));
    });
  });
}
