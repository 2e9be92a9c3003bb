import type { AccountsData, AccountsTable } from './AccountsReport.ts';
import { regionalItems } from './accountsLabels.ts';
import { accountUnits } from './accountsIndex.ts';
import { assetAccountTable } from './assetAccountTable.ts';
import { regionalTable } from './regionalTable.ts';

/** Every table the accounts publish: the asset account of each unit, then the regional tables. */
export function accountsTables(data: AccountsData): AccountsTable[] {
  return [
    ...accountUnits(data).map((code) => assetAccountTable(data, code)),
    ...regionalItems.map(({ item, basis }) => regionalTable(data, item, basis)),
  ];
}
