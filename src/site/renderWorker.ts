// Runs renderPages (renderPages.ts) in a worker thread: the pages of one language.
import { parentPort, workerData } from 'node:worker_threads';
import { renderPages, type RenderTask } from './renderPages.ts';

parentPort?.postMessage(await renderPages(workerData as RenderTask));
