import { accountUnits, unitName } from '$lib/accounts/accountsIndex';
import { regionalItems } from '$lib/accounts/accountsLabels';
import { assetAccountTable } from '$lib/accounts/assetAccountTable';
import { regionalTable } from '$lib/accounts/regionalTable';
import { langOf } from '../../langOf';
import type { PageServerLoad } from './$types';
import { loadAccountsReport } from './loadAccountsReport';

// Static HTML only: tables to read, print and download, nothing on the page moves; no script is
// sent, and none of the page's data is serialised for one (at prefecture level, 676 pages).
export const csr = false;

/** The Accounts page: the national asset account, the regional tables, links to each region's account. */
export const load: PageServerLoad = ({ params }) => {
  const lang = langOf(params.lang);
  const { accounts } = loadAccountsReport();
  if (!accounts.computed) return { lang, reason: accounts.reason, main: null, regional: [], units: [] };
  const units = accountUnits(accounts);
  const national = units.includes(accounts.nationalCode) ? accounts.nationalCode : null;
  return {
    lang,
    reason: null,
    main: national === null ? null : assetAccountTable(accounts, national),
    // The method's notes once, under the national account, rather than under every table.
    regional: regionalItems.map(({ item, basis }) => regionalTable(accounts, item, basis, { methodNotes: national === null })),
    units: units.map((code) => ({ code, name: unitName(accounts, code) })),
  };
};
