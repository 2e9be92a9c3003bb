import type { AccountsReport } from '../lib/accounts/AccountsReport.ts';
import type { DataDir } from '../dataDir/DataDir.ts';
import type { Database } from '../database/openDatabase.ts';
import { startWorker, workerResult } from '../lib/startWorker.ts';
import { readAccounts } from './readAccounts.ts';
import type { AccountsRun } from './runAccounts.ts';

/** The accounts as read for their layout, and the writing of their layout files under way. */
export type AccountsExports = { accounts: AccountsReport; written: Promise<string[]> };

/**
 * Reads what the accounts stage computed and starts writing the layout files into `dir`
 * (writeAccountsExports) in a worker thread, without waiting for them: they are JavaScript's
 * work (two seconds at prefecture level, most of it the workbook), done on the core that DuckDB,
 * computing the composite meanwhile on one thread, leaves free (src/build/build.ts). In the
 * main thread they held up the composite instead, whose queries wait for the main thread
 * between them. `written` must be waited for before `dir` is used or removed; a failure is kept
 * for that wait, not thrown meanwhile.
 */
export async function startAccountsExports(
  db: Database,
  data: DataDir,
  run: AccountsRun,
  dir: string,
  builtAt: string,
): Promise<AccountsExports> {
  const accounts = await readAccounts(db, data, run);
  const worker = startWorker(import.meta.url, './accountsExportsWorker.ts', { workerData: { dir, accounts, builtAt } });
  const written = workerResult<string[]>(worker, "the writer of the accounts' layout files");
  written.catch(() => {});
  return { accounts, written };
}
