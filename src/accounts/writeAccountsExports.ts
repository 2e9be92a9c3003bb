import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type AccountsReport } from '../lib/accounts/AccountsReport.ts';
import { accountsTables } from '../lib/accounts/accountsTables.ts';
import { writeAccountsXlsx } from './writeAccountsXlsx.ts';
import { accountsTableCsv } from './accountsTableCsv.ts';

/**
 * Writes the accounts tables in their national-accounts layout into `dir` (out/data): one CSV per
 * table under accounts/ and all of them as sheets of accounts.xlsx. Returns the files written,
 * relative to `dir`; none when the accounts were not computed.
 */
export async function writeAccountsExports(dir: string, report: AccountsReport, builtAt: string): Promise<string[]> {
  if (!report.computed) return [];
  const tables = accountsTables(report);
  await mkdir(join(dir, 'accounts'), { recursive: true });
  // A prefecture-level report has a table for each of some 340 units: written side by side.
  const files = tables.map((table) => `accounts/${table.id}.csv`);
  await Promise.all(tables.map((table) => writeFile(join(dir, 'accounts', `${table.id}.csv`), accountsTableCsv(table))));
  await writeAccountsXlsx(join(dir, 'accounts.xlsx'), tables, new Date(builtAt));
  files.push('accounts.xlsx');
  return files;
}
