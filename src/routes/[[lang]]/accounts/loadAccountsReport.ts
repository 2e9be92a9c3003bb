import type { AccountsReport } from '$lib/accounts/AccountsReport';
import { loadReport } from '../../loadReport.server';

/**
 * The accounts part of the report JSON that `ipindex build` hands the pages (src/build/build.ts),
 * from the copy loadReport keeps for the whole prerender rather than a fresh parse per page.
 */
export function loadAccountsReport(): { accounts: AccountsReport } {
  const report = loadReport();
  return { accounts: report.accounts ?? { computed: false, reason: 'this build did not run the accounts stage' } };
}
