// @ts-check
// Runs renderPages (renderPages.js) in a worker thread: the pages of one language.
import { parentPort, workerData } from 'node:worker_threads';
import { renderPages } from './renderPages.js';

parentPort?.postMessage(await renderPages(workerData));
