/**
 * The national-accounts tables of IP products (R&D capital), as a statistician reads them: the
 * asset account of one region with years as columns, and regional tables of one item with the
 * regions grouped by zone, zone subtotals and the national row. Pure: the numbers come from
 * queries/accounts/ (via src/accounts/readAccounts.ts); this only arranges and labels
 * them, once, for the Accounts page, the layout CSV files and the XLSX workbook alike.
 */

import { groupBy } from './groupBy.ts';

/** A label in both languages: Chinese first, English beside it. */
export type Bilingual = { zh: string; en: string };

/** One value of out/data/accounts.csv. */
export type AccountsValue = { region_code: string; year: number; item: string; price_basis: string; value: number | null; unit: string };

/** One value of a group of regions (a zone, or 'regions' for all of them) from accounts_aggregates. */
export type AccountsAggregate = AccountsValue & { aggregate: string; regions_given: number; regions: number };

/** The settings the accounts were computed with, as the footnotes state them. */
export type AccountsParameters = {
  depreciation: number;
  depreciationByRegion: Record<string, number>;
  capitalisationShare: number;
  growthYears: number;
  baseYear: number;
  priceIndex: { variable: string; name_zh: string; name_en: string };
  otherVolumeChanges: string | null;
  tolerance: number;
  onBreak: 'error' | 'footnote';
};

/** Everything the accounts tables are made from. */
export type AccountsData = {
  computed: true;
  sampleData: boolean;
  nationalCode: string;
  parameters: AccountsParameters;
  regions: { region_code: string; name_zh: string; name_en: string; zone: string }[];
  years: number[];
  values: AccountsValue[];
  aggregates: AccountsAggregate[];
  initial: { region_code: string; first_year: number; growth_years: number; growth: number; depreciation: number; opening_stock: number }[];
  breaks: { region_code: string; year: number; kind: 'start' | 'break' | 'after'; no_expenditure: boolean; no_price_index: boolean; no_base_price: boolean; break_year: number | null }[];
  nationalCheck: { item: 'gfcf' | 'gdp'; year: number; national: number; regions_sum: number; relative_difference: number; within_tolerance: boolean }[];
};

/** What the report carries about the accounts: the data, or why there are none. */
export type AccountsReport = AccountsData | { computed: false; reason: string };

/** One row of a table: a heading, or a label with one value per year. */
export type AccountsTableRow = {
  label: Bilingual;
  /** Depth in the hierarchy, shown as indentation. */
  level: number;
  kind: 'heading' | 'total' | 'subtotal' | 'item';
  values: (number | null)[];
  decimals: number;
  /** The row's unit where it is not the table's. */
  unit?: Bilingual;
  /** Markers of the footnotes that concern this row. */
  marks?: string[];
  /** The region the row is about, for links. */
  code?: string;
};

/** A table in the national-accounts layout: title, units line, years as columns, footnotes. */
export type AccountsTable = {
  /** File stem (data/accounts/<id>.csv) and anchor. */
  id: string;
  /** Worksheet name: at most 31 characters, none of []:*?/\. */
  sheet: string;
  title: Bilingual;
  unit: Bilingual;
  stub: Bilingual;
  columnGroup: Bilingual;
  columns: number[];
  rows: AccountsTableRow[];
  footnotes: { mark?: string; text: Bilingual }[];
};

/** The regional tables published: one item on one price basis each. */
export const regionalItems = [
  { item: 'closing_stock', basis: 'current' },
  { item: 'closing_stock', basis: 'constant' },
  { item: 'gfcf', basis: 'current' },
  { item: 'gfcf_share_gdp', basis: 'current' },
  { item: 'stock_per_fte', basis: 'constant' },
] as const;

const zones: { zone: string; label: Bilingual }[] = [
  { zone: 'east', label: { zh: '东部地区', en: 'East' } },
  { zone: 'central', label: { zh: '中部地区', en: 'Central' } },
  { zone: 'west', label: { zh: '西部地区', en: 'West' } },
  { zone: 'northeast', label: { zh: '东北地区', en: 'Northeast' } },
];

const itemLabels: Record<string, Bilingual> = {
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

const regionalTitles: Record<string, Bilingual> = {
  closing_stock: { zh: 'R&D资本存量（期末）', en: 'R&D capital stock (closing)' },
  gfcf: { zh: 'R&D固定资本形成总额', en: 'Gross fixed capital formation in R&D' },
  gfcf_share_gdp: { zh: 'R&D固定资本形成占地区生产总值比重', en: 'GFCF in R&D as a share of GDP' },
  stock_per_fte: { zh: '每人年R&D资本存量', en: 'R&D capital stock per R&D FTE' },
};

const units: Record<string, Bilingual> = {
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

/** The name of a unit of account: a region, or the nation. */
export function unitName(data: AccountsData, code: string): Bilingual {
  if (code === data.nationalCode) return { zh: '全国', en: 'National' };
  const region = accountsIndex(data).region.get(code);
  return region === undefined ? { zh: code, en: code } : { zh: region.name_zh, en: region.name_en };
}

/** The codes of the units that have accounts: the nation first if it has any, then regions in regions.csv order. */
export function accountUnits(data: AccountsData): string[] {
  return [...accountsIndex(data).units];
}

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
    columnGroup: { zh: '年份', en: 'Year' },
    columns: data.years,
    rows,
    footnotes,
  };
}

/**
 * A table of one item for every region, grouped by zone with subtotals, the sum of regions and
 * the national row. `methodNotes: false` (a page that shows the method's notes once, under the
 * national asset account) points to them instead of repeating them under each table.
 */
export function regionalTable(data: AccountsData, item: string, basis: 'current' | 'constant', { methodNotes: withMethod = true } = {}): AccountsTable {
  const key = priceBasis(data, basis);
  const { byRegion, byGroup, unitOf } = accountsIndex(data);
  const unitKey = unitOf.get(`${item}|${key}`) ?? (item === 'gfcf_share_gdp' ? '%' : item === 'stock_per_fte' ? '万元/人年' : '亿元');
  const decimals = unitKey === '亿元' ? 1 : 2;
  const line = (code: string, label: Bilingual, level: number, kind: AccountsTableRow['kind'], lookup: typeof byRegion): AccountsTableRow => ({
    label,
    level,
    kind,
    values: data.years.map((year) => lookup(code, year, item, key)),
    decimals,
    code,
  });

  const nationalBreaks = data.nationalCheck.filter((c) => !c.within_tolerance);
  const nationalRow = line(data.nationalCode, unitName(data, data.nationalCode), 0, 'total', byRegion);
  const hasNational = nationalRow.values.some((v) => v !== null);
  const rows: AccountsTableRow[] = [];
  if (hasNational) rows.push(nationalBreaks.length > 0 ? { ...nationalRow, marks: ['a'] } : nationalRow);
  rows.push(line('regions', { zh: '地区合计', en: 'Sum of regions' }, 0, 'total', byGroup));
  for (const { zone, label } of zones) {
    const members = data.regions.filter((r) => r.zone === zone);
    if (members.length === 0) continue;
    rows.push(line(zone, label, 0, 'subtotal', byGroup));
    for (const r of members) rows.push(line(r.region_code, { zh: r.name_zh, en: r.name_en }, 1, 'item', byRegion));
  }

  const label = basisLabel(data, basis);
  const title = regionalTitles[item] ?? itemLabels[item] ?? { zh: item, en: item };
  const hasBasis = item !== 'gfcf_share_gdp';
  const footnotes: AccountsTable['footnotes'] = withMethod ? [...methodNotes(data, null)] : [{ text: { zh: '计算方法见全国资产账户的表注。', en: 'The method: see the notes to the national asset account.' } }];
  footnotes.push({ text: {
    zh: `全国按全国数据以同一方法单独计算；地区合计、区域小计为各地区相加${item === 'gfcf_share_gdp' ? '（比重为合计固定资本形成除以合计地区生产总值）' : item === 'stock_per_fte' ? '（为合计存量除以合计人员全时当量）' : ''}，任一地区缺值的年份不列小计。存量不要求与全国相等：各地区与全国的初始存量分别估计。`,
    en: `The national row is computed from national data by the same method; the sum of regions and the zone subtotals add the regions up${item === 'gfcf_share_gdp' ? ' (the share is total GFCF over total GDP)' : item === 'stock_per_fte' ? ' (total stock over total FTE)' : ''}, and are left blank in a year in which any region lacks a value. Stocks need not match the national row, since each initial stock is estimated on its own series.`,
  } });
  footnotes.push(...nationalCheckNotes(data));
  // Each unit whose series is cut short gets a marked note, and its row the marker.
  const marked = breakNotes(data, [data.nationalCode, ...data.regions.map((r) => r.region_code)]).map((note, i) => ({ ...note, mark: markLetter(i + 1) }));
  const rowOf = firstBy(rows, (r) => r.code);
  for (const note of marked) {
    const row = rowOf.get(note.code);
    if (row !== undefined) row.marks = [...(row.marks ?? []), note.mark];
  }
  footnotes.push(...marked.map(({ mark, text }) => ({ mark, text })), ...sampleNote(data));
  const sheet = `${item === 'gfcf_share_gdp' ? 'GFCF share of GDP' : item === 'stock_per_fte' ? 'Stock per FTE' : item === 'gfcf' ? 'GFCF' : 'Closing stock'}${hasBasis ? ` ${basis}` : ''}`;
  return {
    id: `regions_${item}${hasBasis ? `_${basis}` : ''}`,
    sheet: sheet.slice(0, 31),
    title: hasBasis ? { zh: `各地区${title.zh}（${label.zh}）`, en: `${title.en} by region, ${label.en}` } : { zh: `各地区${title.zh}`, en: `${title.en} by region` },
    unit: units[unitKey] ?? { zh: unitKey, en: unitKey },
    stub: { zh: '地区', en: 'Region' },
    columnGroup: { zh: '年份', en: 'Year' },
    columns: data.years,
    rows,
    footnotes,
  };
}

/** Every table the accounts publish: the asset account of each unit, then the regional tables. */
export function accountsTables(data: AccountsData): AccountsTable[] {
  return [
    ...accountUnits(data).map((code) => assetAccountTable(data, code)),
    ...regionalItems.map(({ item, basis }) => regionalTable(data, item, basis)),
  ];
}

/** A number as the tables print it: zh-CN digit grouping, fixed decimals; a dash when missing. */
export function formatAccountsValue(value: number | null, decimals: number): string {
  if (value === null || !Number.isFinite(value)) return '–';
  // -0.00 would read as a negative amount.
  const rounded = Number(value.toFixed(decimals)) === 0 ? 0 : value;
  // The minus sign (−), as everywhere in the report, not a hyphen.
  return numberFormat(decimals).format(rounded).replace(/^-/, '−');
}

// Setting up an Intl.NumberFormat costs far more than formatting with one, and the accounts
// pages format tens of thousands of cells: one formatter per number of decimals.
const numberFormats = new Map<number, Intl.NumberFormat>();
function numberFormat(decimals: number): Intl.NumberFormat {
  let format = numberFormats.get(decimals);
  if (format === undefined) {
    format = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: true });
    numberFormats.set(decimals, format);
  }
  return format;
}

/** One line of a table laid out on a grid, as the CSV and the worksheet write it. */
export type GridLine = { kind: 'title' | 'unit' | 'group' | 'columns' | 'heading' | 'body' | 'footnote'; cells: (string | number | null)[]; row?: AccountsTableRow };

/**
 * The table laid out on a grid of `1 + columns` cells per line: title, units line, the header
 * (the column group over the years), the body with indented labels, then the footnotes. Values
 * stay numbers, rounded to the row's decimals; cells a merge would cover are null.
 */
export function tableGrid(table: AccountsTable): GridLine[] {
  const width = table.columns.length;
  const blank = (n: number) => Array.from({ length: n }, () => null);
  const both = (b: Bilingual) => (b.zh === b.en ? b.zh : `${b.zh} ${b.en}`);
  const lines: GridLine[] = [
    { kind: 'title', cells: [both(table.title), ...blank(width)] },
    { kind: 'unit', cells: [`单位：${table.unit.zh}  Unit: ${table.unit.en}`, ...blank(width)] },
    { kind: 'group', cells: [both(table.stub), both(table.columnGroup), ...blank(width - 1)] },
    { kind: 'columns', cells: [null, ...table.columns] },
  ];
  for (const row of table.rows) {
    const indent = '\u3000'.repeat(row.level);
    const unit = (lang: keyof Bilingual, open: string, close: string) => (row.unit === undefined ? '' : `${open}${row.unit[lang]}${close}`);
    const label = `${indent}${row.label.zh}${unit('zh', '（', '）')} ${row.label.en}${unit('en', ' (', ')')}${(row.marks ?? []).map((m) => ` [${m}]`).join('')}`;
    if (row.kind === 'heading') lines.push({ kind: 'heading', cells: [label, ...blank(width)], row });
    else lines.push({ kind: 'body', cells: [label, ...row.values.map((v) => (v === null || !Number.isFinite(v) ? null : Number(v.toFixed(row.decimals))))], row });
  }
  table.footnotes.forEach((note, i) => {
    const mark = note.mark === undefined ? `${i + 1}.` : `[${note.mark}]`;
    lines.push({ kind: 'footnote', cells: [`${i === 0 ? '注：' : ''}${mark} ${note.text.zh} ${note.text.en}`, ...blank(width)] });
  });
  return lines;
}

function heading(label: Bilingual): AccountsTableRow {
  return { label, level: 0, kind: 'heading', values: [], decimals: 0 };
}

/** The accounts' rows grouped by unit, and the lookups of the regional tables. */
type AccountsIndex = {
  units: readonly string[];
  region: Map<string, AccountsData['regions'][number]>;
  valuesByUnit: Map<string, AccountsValue[]>;
  byRegion: ReturnType<typeof valueLookupByUnit>;
  byGroup: ReturnType<typeof valueLookupByUnit>;
  /** The unit of the first value of each `item|price basis`. */
  unitOf: Map<string, string>;
  breaks: Map<string, AccountsData['breaks']>;
  initial: Map<string, AccountsData['initial'][number]>;
};

// The site lays out one table per unit of account from the same data, hundreds of them at
// prefecture level: the data are indexed once, keyed by the data object itself.
const indexes = new WeakMap<AccountsData, AccountsIndex>();

function accountsIndex(data: AccountsData): AccountsIndex {
  let index = indexes.get(data);
  if (index === undefined) {
    const valuesByUnit = groupBy(data.values, (v) => v.region_code);
    const unitOf = new Map<string, string>();
    for (const v of data.values) if (!unitOf.has(`${v.item}|${v.price_basis}`)) unitOf.set(`${v.item}|${v.price_basis}`, v.unit);
    index = {
      units: [data.nationalCode, ...data.regions.map((r) => r.region_code)].filter((code) => valuesByUnit.has(code)),
      region: firstBy(data.regions, (r) => r.region_code),
      valuesByUnit,
      byRegion: valueLookupByUnit(data.values),
      byGroup: valueLookupByUnit(data.aggregates.map((a) => ({ ...a, region_code: a.aggregate }))),
      unitOf,
      breaks: groupBy(data.breaks, (b) => b.region_code),
      initial: firstBy(data.initial, (i) => i.region_code),
    };
    indexes.set(data, index);
  }
  return index;
}

function firstBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T> {
  const map = new Map<K, T>();
  for (const row of rows) if (!map.has(key(row))) map.set(key(row), row);
  return map;
}


function valueLookup(values: readonly AccountsValue[]): (year: number, item: string, basis: string) => number | null {
  const map = new Map(values.map((v) => [`${v.year}|${v.item}|${v.price_basis}`, v.value]));
  return (year, item, basis) => map.get(`${year}|${item}|${basis}`) ?? null;
}

function valueLookupByUnit(values: readonly AccountsValue[]): (code: string, year: number, item: string, basis: string) => number | null {
  const map = new Map(values.map((v) => [`${v.region_code}|${v.year}|${v.item}|${v.price_basis}`, v.value]));
  return (code, year, item, basis) => map.get(`${code}|${year}|${item}|${basis}`) ?? null;
}

const percent = (x: number, digits = 1) => `${(x * 100).toFixed(digits)}%`;

/** Method, parameters and price basis, stated so that a statistician can recompute a cell. */
function methodNotes(data: AccountsData, code: string | null): { text: Bilingual }[] {
  const p = data.parameters;
  const initial = code === null ? undefined : accountsIndex(data).initial.get(code);
  const d = code === null ? p.depreciation : (p.depreciationByRegion[code] ?? p.depreciation);
  const byRegion = Object.keys(p.depreciationByRegion).length > 0 && code === null;
  const growth = initial === undefined
    ? { zh: `g为序列前${p.growthYears}年实际固定资本形成的几何平均增长率`, en: `g the geometric mean real growth of GFCF over the first ${p.growthYears} years of the series` }
    : initial.growth_years === 0
      ? { zh: `序列仅一年，g取0`, en: 'g = 0, the series having a single year' }
      : { zh: `g为${initial.first_year}–${initial.first_year + initial.growth_years}年实际固定资本形成的几何平均增长率（${percent(initial.growth, 2)}）`, en: `g = ${percent(initial.growth, 2)}, the geometric mean real growth of GFCF over ${initial.first_year}–${initial.first_year + initial.growth_years}` };
  const ocv = p.otherVolumeChanges === null
    ? { zh: '资产物量其他变化无资料，记为0', en: 'other changes in volume: no data, recorded as zero' }
    : { zh: `资产物量其他变化取自变量${p.otherVolumeChanges}`, en: `other changes in volume from the variable ${p.otherVolumeChanges}` };
  return [
    { text: {
      zh: `按SNA 2008，R&D支出作为知识产权产品固定资本形成记录（我国自2016年起）。固定资本形成 = R&D经费内部支出 × 资本化比例${p.capitalisationShare}；永续盘存法 Kₜ = (1 − d)Kₜ₋₁ + Iₜ，固定资本消耗 = d × 期初存量，折旧率 d = ${d}${byRegion ? '（部分地区另定）' : ''}；首年期初存量 = I₀/(g + d)，${growth.zh}。`,
      en: `Following SNA 2008, R&D is recorded as gross fixed capital formation in intellectual property products (in China since 2016). GFCF = intramural R&D expenditure × capitalisation share ${p.capitalisationShare}; perpetual inventory Kₜ = (1 − d)Kₜ₋₁ + Iₜ, consumption of fixed capital = d × opening stock, d = ${d}${byRegion ? ' (some regions differ)' : ''}; the first opening stock is I₀/(g + d), ${growth.en}.`,
    } },
    { text: {
      zh: `不变价为${p.baseYear}年价格，以${p.priceIndex.name_zh}（${p.priceIndex.variable}）换算为${p.baseYear}=100后缩减；现价存量 = 不变价存量 × Pₜ/100；重估价 = 不变价期初存量 × (Pₜ − Pₜ₋₁)/100，首年为0；${ocv.zh}。期末存量 = 期初存量 + 固定资本形成 − 固定资本消耗 + 其他物量变化 + 重估价。`,
      en: `Constant prices are ${p.baseYear} prices, deflated by ${p.priceIndex.name_en} (${p.priceIndex.variable}) rebased to ${p.baseYear} = 100; closing stock at current prices = constant-price stock × Pₜ/100; revaluation = constant-price opening stock × (Pₜ − Pₜ₋₁)/100, zero in the first year; ${ocv.en}. Closing = opening + GFCF − CFC + other changes in volume + revaluation.`,
    } },
  ];
}

/** The years a unit's accounts leave out, and why, one note per unit. */
function breakNotes(data: AccountsData, codes: readonly string[]): { code: string; text: Bilingual }[] {
  const notes: { code: string; text: Bilingual }[] = [];
  for (const code of codes) {
    const rows = accountsIndex(data).breaks.get(code) ?? [];
    if (rows.length === 0) continue;
    const name = unitName(data, code);
    const start = rows.filter((b) => b.kind === 'start');
    const broken = rows.filter((b) => b.kind !== 'start');
    const parts: Bilingual[] = [];
    if (start.length > 0) parts.push({ zh: `${span(start.map((b) => b.year))}年无数据，序列自${start.at(-1)!.year + 1}年起`, en: `no data in ${span(start.map((b) => b.year))}, series begins in ${start.at(-1)!.year + 1}` });
    if (broken.length > 0) {
      const first = broken[0]!;
      const why = missingWhat(first, data.parameters);
      parts.push({ zh: `${first.year}年${why.zh}，序列中断，${span(broken.map((b) => b.year))}年未计算`, en: `series broken in ${first.year} (${why.en}): ${span(broken.map((b) => b.year))} not computed` });
    }
    notes.push({ code, text: { zh: `${name.zh}：${parts.map((p) => p.zh).join('；')}。`, en: `${name.en}: ${parts.map((p) => p.en).join('; ')}.` } });
  }
  return notes;
}

/** What a year of a break lacks, in both languages. */
function missingWhat(row: AccountsData['breaks'][number], p: AccountsParameters): Bilingual {
  const parts: Bilingual[] = [];
  if (row.no_expenditure) parts.push({ zh: '无R&D经费内部支出', en: 'no R&D expenditure' });
  if (row.no_price_index) parts.push({ zh: `无${p.priceIndex.name_zh}`, en: `no ${p.priceIndex.name_en}` });
  if (!row.no_price_index && row.no_base_price) parts.push({ zh: `${p.baseYear}年无${p.priceIndex.name_zh}，无法换算`, en: `no ${p.priceIndex.name_en} in ${p.baseYear} to rebase to` });
  return { zh: parts.map((x) => x.zh).join('、'), en: parts.map((x) => x.en).join(', ') };
}

/** Whether the regions add up to the national row: a statement when they do, a flagged note for each break. */
function nationalCheckNotes(data: AccountsData): { mark?: string; text: Bilingual }[] {
  if (data.nationalCheck.length === 0) return [];
  const tolerance = percent(data.parameters.tolerance, 2);
  const years = span([...new Set(data.nationalCheck.map((c) => c.year))]);
  const breaks = data.nationalCheck.filter((c) => !c.within_tolerance);
  if (breaks.length === 0) {
    return [{ text: {
      zh: `核对：${years}年各地区R&D固定资本形成与地区生产总值之和与全国数相差均不超过${tolerance}。`,
      en: `Check: in ${years} the regions' GFCF in R&D and GDP add up to the national figures within ${tolerance}.`,
    } }];
  }
  const list = (lang: 'zh' | 'en') => breaks.map((b) => {
    const what = b.item === 'gfcf' ? (lang === 'zh' ? 'R&D固定资本形成' : 'GFCF in R&D') : lang === 'zh' ? '地区生产总值' : 'GDP';
    const diff = `${b.relative_difference > 0 ? '+' : ''}${percent(b.relative_difference, 2)}`;
    return `${b.year} ${what} ${diff}`;
  }).join(lang === 'zh' ? '；' : '; ');
  return [{ mark: 'a', text: {
    zh: `各地区之和与全国数之差超过${tolerance}：${list('zh')}（地区合计相对全国）。`,
    en: `The regions do not add up to the national row within ${tolerance}: ${list('en')} (sum of regions relative to national).`,
  } }];
}

function sampleNote(data: AccountsData): { text: Bilingual }[] {
  return data.sampleData ? [{ text: { zh: '示例数据，仅作演示，并非官方统计。', en: 'Illustrative sample data, not official statistics.' } }] : [];
}

/** Footnote markers a, b, ..., z, aa, ab, ... ('a' is the national-sum check's). */
function markLetter(n: number): string {
  return n < 26 ? String.fromCharCode(97 + n) : markLetter(Math.floor(n / 26) - 1) + String.fromCharCode(97 + (n % 26));
}

/** Years as a reader writes them: 2014–2016, 2019. */
function span(years: readonly number[]): string {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const start = sorted[i]!;
    while (i + 1 < sorted.length && sorted[i + 1] === sorted[i]! + 1) i++;
    parts.push(start === sorted[i] ? `${start}` : `${start}–${sorted[i]}`);
  }
  return parts.join(', ');
}
