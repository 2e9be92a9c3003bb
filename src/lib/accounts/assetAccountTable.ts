import { terms } from '../terms.ts';
import type { AccountsData, AccountsTable, AccountsTableRow, Bilingual } from './AccountsReport.ts';
import { basisLabel, heading, itemLabels, priceBasis, units } from './accountsLabels.ts';
import { breakNotes, methodNotes, sampleNote } from './accountsFootnotes.ts';
import { accountsIndex, unitName, valueLookup } from './accountsIndex.ts';

/** The asset account of one unit: current prices, constant prices, memorandum items; years as columns. */
export function assetAccountTable(data: AccountsData, code: string): AccountsTable {
  const name = unitName(data, code);
  const lookup = valueLookup(accountsIndex(data).valuesByUnit.get(code) ?? []);
  const row = (item: string, basis: string, level: number, kind: AccountsTableRow['kind'] = 'item', label = itemLabels[item]!, unit?: Bilingual): AccountsTableRow => ({
    label,
    level,
    kind,
    values: data.years.map((year) => lookup(year, item, basis)),
    // Amounts in 亿元 to one decimal (a 10-million-yuan place), as the yearbooks print them; rates to two.
    decimals: unit === undefined ? 1 : 2,
    ...(unit === undefined ? {} : { unit }),
  });
  const section = (basis: 'current' | 'constant'): AccountsTableRow[] => {
    const key = priceBasis(data, basis);
    const label = basisLabel(data, basis);
    return [
      heading({ zh: label.zh, en: `At ${label.en}` }),
      row('opening_stock', key, 1, 'total'),
      row('gfcf', key, 2),
      row('cfc', key, 2),
      row('other_volume_changes', key, 2),
      row('revaluation', key, 2),
      row('closing_stock', key, 1, 'total'),
    ];
  };
  const current = basisLabel(data, 'current');
  const constant = basisLabel(data, 'constant');
  const withBasis = (item: string, label: Bilingual): Bilingual => ({ zh: `${itemLabels[item]!.zh}（${label.zh}）`, en: `${itemLabels[item]!.en}, ${label.en}` });
  const rows = [
    ...section('current'),
    ...section('constant'),
    heading({ zh: '补充资料', en: 'Memorandum items' }),
    row('net_capital_formation', 'current', 1, 'item', withBasis('net_capital_formation', current)),
    row('net_capital_formation', priceBasis(data, 'constant'), 1, 'item', withBasis('net_capital_formation', constant)),
    row('stock_per_fte', 'current', 1, 'item', withBasis('stock_per_fte', current), units['万元/人年']),
    row('stock_per_fte', priceBasis(data, 'constant'), 1, 'item', withBasis('stock_per_fte', constant), units['万元/人年']),
    row('gfcf_share_gdp', 'current', 1, 'item', itemLabels.gfcf_share_gdp, units['%']),
    row('price_index', 'index', 1, 'item', itemLabels.price_index, { zh: `${data.parameters.baseYear}=100`, en: `${data.parameters.baseYear} = 100` }),
  ];
  const footnotes = [...methodNotes(data, code), ...breakNotes(data, [code]).map(({ text }) => ({ text })), ...sampleNote(data)];
  return {
    id: `asset_account_${code}`,
    sheet: `${code} ${name.zh}`.slice(0, 31),
    title: { zh: `${name.zh}知识产权产品（R&D）资产账户`, en: `${name.en}: asset account of intellectual property products (R&D)` },
    unit: units['亿元']!,
    stub: { zh: '项目', en: 'Item' },
    columnGroup: terms.year,
    columns: data.years,
    rows,
    footnotes,
  };
}
