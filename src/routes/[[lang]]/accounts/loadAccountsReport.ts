import { readFileSync } from 'node:fs';
import type { AccountsReport } from '$lib/accountsLayout';
import type { Report } from '$lib/report';

/** The accounts part of the report JSON that `ipindex build` hands the pages (src/pipeline/build.ts). */
export function loadAccountsReport(): { accounts: AccountsReport } {
  const path = process.env.IPINDEX_REPORT;
  if (!path) throw new Error('IPINDEX_REPORT is not set: the report is built by `ipindex build`, not by vite alone');
  const report = JSON.parse(readFileSync(path, 'utf8')) as Report;
  return { accounts: report.accounts ?? { computed: false, reason: 'this build did not run the accounts stage' } };
}
