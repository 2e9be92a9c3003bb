// Runs writeTables (writeTables.ts) in a worker thread (prepareDownloads.ts starts it): the
// workbook, the Arrow files and the copies for spreadsheets are written on a core of their own.
import { parentPort, workerData } from 'node:worker_threads';
import { writeTables, type TablesTask } from './writeTables.ts';

await writeTables(workerData as TablesTask);
parentPort?.postMessage('written');
