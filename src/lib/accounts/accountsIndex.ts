import { groupBy } from '../groupBy.ts';
import type { AccountsData, AccountsValue, Bilingual } from './AccountsReport.ts';

/** The accounts' rows grouped by unit, and the lookups of the regional tables. */
export type AccountsIndex = {
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

/** The index of `data`, built on first use. */
export function accountsIndex(data: AccountsData): AccountsIndex {
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

/** The first row of each key. */
export function firstBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T> {
  const map = new Map<K, T>();
  for (const row of rows) if (!map.has(key(row))) map.set(key(row), row);
  return map;
}

/** A value of one unit by year, item and price basis. */
export function valueLookup(values: readonly AccountsValue[]): (year: number, item: string, basis: string) => number | null {
  const map = new Map(values.map((v) => [`${v.year}|${v.item}|${v.price_basis}`, v.value]));
  return (year, item, basis) => map.get(`${year}|${item}|${basis}`) ?? null;
}

/** A value by unit, year, item and price basis. */
export function valueLookupByUnit(values: readonly AccountsValue[]): (code: string, year: number, item: string, basis: string) => number | null {
  const map = new Map(values.map((v) => [`${v.region_code}|${v.year}|${v.item}|${v.price_basis}`, v.value]));
  return (code, year, item, basis) => map.get(`${code}|${year}|${item}|${basis}`) ?? null;
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
