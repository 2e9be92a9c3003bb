import { error } from '@sveltejs/kit';
import { accountUnits, unitName } from '$lib/accounts/accountsIndex';
import { assetAccountTable } from '$lib/accounts/assetAccountTable';
import { langOf } from '../../../langOf';
import type { EntryGenerator, PageServerLoad } from './$types';
import { loadAccountsReport } from '../loadAccountsReport';

// Static HTML only: an account to read and print, nothing on the page moves; no script is sent,
// and none of the page's data is serialised for one (a page per unit: 676 at prefecture level).
export const csr = false;

/** One page per unit of account (each region and the nation) that has accounts. */
export const entries: EntryGenerator = () => {
  const { accounts } = loadAccountsReport();
  const units = accounts.computed ? accountUnits(accounts) : [];
  return ['', 'en'].flatMap((lang) => units.map((region) => ({ lang, region })));
};

/** The asset account of one region, or of the nation. */
export const load: PageServerLoad = ({ params }) => {
  const lang = langOf(params.lang);
  const { accounts } = loadAccountsReport();
  if (!accounts.computed || !accountUnits(accounts).includes(params.region)) error(404, `no accounts for region ${params.region}`);
  return { lang, name: unitName(accounts, params.region), table: assetAccountTable(accounts, params.region) };
};
