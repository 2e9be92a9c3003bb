import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { accountsTables, type AccountsReport } from '../../lib/accountsLayout.ts';
import { writeAccountsXlsx } from '../writeAccountsXlsx.ts';
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
  const files: string[] = [];
  for (const table of tables) {
    const file = `accounts/${table.id}.csv`;
    await writeFile(join(dir, file), accountsTableCsv(table));
    files.push(file);
  }
  await writeAccountsXlsx(join(dir, 'accounts.xlsx'), tables, new Date(builtAt));
  files.push('accounts.xlsx');
  return files;
}
