import type { AccountsData, AccountsTableRow, Bilingual } from './AccountsReport.ts';

// The words of the accounts tables, in both languages, as the yearbooks' tables of capital
// formation word them.

/** The regional tables published: one item on one price basis each. */
export const regionalItems = [
  { item: 'closing_stock', basis: 'current' },
  { item: 'closing_stock', basis: 'constant' },
  { item: 'gfcf', basis: 'current' },
  { item: 'gfcf_share_gdp', basis: 'current' },
  { item: 'stock_per_fte', basis: 'constant' },
] as const;

/** The items of an asset account, by their code in accounts.csv. */
export const itemLabels: Record<string, Bilingual> = {
  opening_stock: { zh: '期初存量', en: 'Opening stock' },
  gfcf: { zh: '固定资本形成总额', en: 'Gross fixed capital formation' },
  cfc: { zh: '减：固定资本消耗', en: 'Less: consumption of fixed capital' },
  other_volume_changes: { zh: '资产物量其他变化', en: 'Other changes in the volume of assets' },
  revaluation: { zh: '重估价', en: 'Revaluation (nominal holding gains)' },
  closing_stock: { zh: '期末存量', en: 'Closing stock' },
  net_capital_formation: { zh: '资本形成净额', en: 'Net capital formation' },
  stock_per_fte: { zh: '每人年R&D资本存量', en: 'Closing stock per R&D FTE' },
  gfcf_share_gdp: { zh: '固定资本形成占地区生产总值比重', en: 'GFCF as a share of GDP' },
  price_index: { zh: '价格指数', en: 'Price index' },
};

/** The titles of the regional tables, where they are not the item's label. */
export const regionalTitles: Record<string, Bilingual> = {
  closing_stock: { zh: 'R&D资本存量（期末）', en: 'R&D capital stock (closing)' },
  gfcf: { zh: 'R&D固定资本形成总额', en: 'Gross fixed capital formation in R&D' },
  gfcf_share_gdp: { zh: 'R&D固定资本形成占地区生产总值比重', en: 'GFCF in R&D as a share of GDP' },
  stock_per_fte: { zh: '每人年R&D资本存量', en: 'R&D capital stock per R&D FTE' },
};

/** The units of the tables, by their Chinese name in accounts.csv. */
export const units: Record<string, Bilingual> = {
  亿元: { zh: '亿元', en: '100 million yuan' },
  '万元/人年': { zh: '万元/人年', en: '10,000 yuan per person-year' },
  '%': { zh: '%', en: '%' },
};

/** The price basis key of accounts.csv for 'current' or 'constant' (constant_<base year>). */
export function priceBasis(data: AccountsData, basis: 'current' | 'constant'): string {
  return basis === 'current' ? 'current' : `constant_${data.parameters.baseYear}`;
}

/** The name of a price basis in both languages. */
export function basisLabel(data: AccountsData, basis: 'current' | 'constant'): Bilingual {
  const year = data.parameters.baseYear;
  return basis === 'current' ? { zh: '现价', en: 'current prices' } : { zh: `${year}年不变价`, en: `constant ${year} prices` };
}

/** A row that heads a section of a table. */
export function heading(label: Bilingual): AccountsTableRow {
  return { label, level: 0, kind: 'heading', values: [], decimals: 0 };
}
