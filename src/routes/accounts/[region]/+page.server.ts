import { error } from '@sveltejs/kit';
import { accountUnits, assetAccountTable, unitName } from '$lib/accountsLayout';
import type { EntryGenerator, PageServerLoad } from './$types';
import { loadAccountsReport } from '../loadAccountsReport';

/** One page per unit of account (each region and the nation) that has accounts. */
export const entries: EntryGenerator = () => {
  const { accounts } = loadAccountsReport();
  return accounts.computed ? accountUnits(accounts).map((region) => ({ region })) : [];
};

/** The asset account of one region, or of the nation. */
export const load: PageServerLoad = ({ params }) => {
  const { accounts } = loadAccountsReport();
  if (!accounts.computed || !accountUnits(accounts).includes(params.region)) error(404, `no accounts for region ${params.region}`);
  return { name: unitName(accounts, params.region), table: assetAccountTable(accounts, params.region) };
};
