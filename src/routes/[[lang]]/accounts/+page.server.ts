import { accountUnits, assetAccountTable, regionalItems, regionalTable, unitName } from '$lib/accountsLayout';
import { langOf } from '../../langOf';
import type { PageServerLoad } from './$types';
import { loadAccountsReport } from './loadAccountsReport';

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
