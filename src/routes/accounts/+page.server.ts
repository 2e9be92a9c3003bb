import { accountUnits, assetAccountTable, regionalItems, regionalTable, unitName } from '$lib/accountsLayout';
import type { PageServerLoad } from './$types';
import { loadAccountsReport } from './loadAccountsReport';

/** The Accounts page: the national asset account, the regional tables, links to each region's account. */
export const load: PageServerLoad = () => {
  const { accounts } = loadAccountsReport();
  if (!accounts.computed) return { reason: accounts.reason, main: null, regional: [], units: [] };
  const units = accountUnits(accounts);
  const national = units.includes(accounts.nationalCode) ? accounts.nationalCode : null;
  return {
    reason: null,
    main: national === null ? null : assetAccountTable(accounts, national),
    regional: regionalItems.map(({ item, basis }) => regionalTable(accounts, item, basis)),
    units: units.map((code) => ({ code, name: unitName(accounts, code) })),
  };
};
