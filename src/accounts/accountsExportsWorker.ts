// Runs writeAccountsExports (writeAccountsExports.ts) in a worker thread (startAccountsExports.ts
// starts it): the layout files are written on a core of their own while the build goes on.
import { parentPort, workerData } from 'node:worker_threads';
import type { AccountsReport } from '../lib/accounts/AccountsReport.ts';
import { writeAccountsExports } from './writeAccountsExports.ts';

const { dir, accounts, builtAt } = workerData as { dir: string; accounts: AccountsReport; builtAt: string };
parentPort?.postMessage(await writeAccountsExports(dir, accounts, builtAt));
