// Runs renderPages (renderPages.ts) in a worker thread. Workers do not inherit the TypeScript
// loader that bin/ipindex.js registers, so this one plain JavaScript file registers it again.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { renderPages } = await import('./renderPages.ts');
parentPort?.postMessage(await renderPages(workerData));
