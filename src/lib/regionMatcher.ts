import { nationalCode, type Region } from './types.ts';
import {
  outsideRegionCodes,
  regionAggregates,
  regionVariants,
  type RegionAggregate,
} from './regionVariants.ts';

/** How a text resolved: a region of the table, a row that is not a province, or nothing. */
export type RegionMatch =
  | { kind: 'region'; region_code: string; how: 'code' | 'name' | 'variant' }
  | ({ kind: 'aggregate' } & RegionAggregate)
  | {
      kind: 'unknown';
      normalised: string;
      /** The codes the text fits when it is ambiguous; empty when it fits none. */
      candidates: string[];
    };

/** Resolves region texts from input files against one region table. */
export type RegionMatcher = {
  match(text: string): RegionMatch;
};

/** Normalises a region text for comparison: NFKC, no whitespace at all, lower-case Latin. */
export function normaliseRegionName(text: string): string {
  // Zero-width characters are not whitespace to Unicode but arrive with text pasted from Word.
  return text
    .normalize('NFKC')
    .replace(/[\s\u200b-\u200d\u2060\ufeff]+/gu, '')
    .toLowerCase();
}

// Longest first, so that 广西壮族自治区 loses 壮族自治区 and not just 自治区.
const zhSuffixes = ['维吾尔自治区', '壮族自治区', '回族自治区', '特别行政区', '自治区', '省', '市'];
const ethnicZhSuffixes = new Set(['维吾尔自治区', '壮族自治区', '回族自治区']);

// English names come as "Hebei Province", "Beijing Municipality", "Guangxi Zhuang Autonomous
// Region"; the stem before these words is looked up. Diacritics are deliberately kept: Shǎnxī
// (陕西) without its tone marks would read as Shanxi (山西).
const enEthnicWords = ['', 'zhuang', 'hui', 'uygur', 'uyghur', 'uighur'];
const enAdminWords = ['', 'autonomousregion', 'province', 'municipality', 'city', 'specialadministrativeregion', 'sar'];
const enSuffixes = enEthnicWords
  .flatMap((ethnic) => enAdminWords.map((admin) => ethnic + admin))
  .filter((suffix) => suffix !== '');

/** The lookup key: the normalised text, without the punctuation English names carry. */
function keyOf(text: string): string {
  const normalised = normaliseRegionName(text);
  return /^[a-z'’.-]+$/.test(normalised) ? normalised.replace(/['’.-]/g, '') : normalised;
}

/** The key and, for an English name, every stem left after taking off a suffix word. */
function keyForms(key: string): string[] {
  if (!/^[a-z]+$/.test(key)) return [key];
  const stems = enSuffixes
    .filter((suffix) => key.length > suffix.length && key.endsWith(suffix))
    .map((suffix) => key.slice(0, -suffix.length));
  return [key, ...stems];
}

/** Short Chinese forms of a full name: 内蒙古自治区 -> 内蒙古; 广西壮族自治区 -> 广西, 广西自治区. */
function zhShortForms(nameZh: string): string[] {
  const suffix = zhSuffixes.find((s) => nameZh.length > s.length && nameZh.endsWith(s));
  if (suffix === undefined) return [];
  const stem = nameZh.slice(0, -suffix.length);
  return ethnicZhSuffixes.has(suffix) ? [stem, `${stem}自治区`] : [stem];
}

/** A key -> region codes index: more than one code under a key means the key is ambiguous. */
class CodeIndex {
  readonly #codes = new Map<string, Set<string>>();

  add(key: string, code: string): void {
    if (key === '') return;
    const codes = this.#codes.get(key) ?? new Set<string>();
    codes.add(code);
    this.#codes.set(key, codes);
  }

  /** The codes under any of the key's forms. */
  find(key: string): string[] {
    const found = new Set<string>();
    for (const form of keyForms(key)) for (const code of this.#codes.get(form) ?? []) found.add(code);
    return [...found].sort();
  }
}

/** Builds a matcher for a region table; it resolves codes, names and known variants, never guesses. */
export function createRegionMatcher(regions: readonly Region[]): RegionMatcher {
  const codes = new Set(regions.map((r) => r.region_code));
  const fullNames = new CodeIndex();
  const shortNames = new CodeIndex();
  const variants = new CodeIndex();
  for (const r of regions) {
    fullNames.add(keyOf(r.name_zh), r.region_code);
    fullNames.add(keyOf(r.name_en), r.region_code);
    for (const short of zhShortForms(normaliseRegionName(r.name_zh))) shortNames.add(short, r.region_code);
  }
  for (const v of regionVariants) {
    if (codes.has(v.region_code)) variants.add(keyOf(v.variant), v.region_code);
  }
  const aggregates = new Map(regionAggregates.map(([name, aggregate]) => [keyOf(name), aggregate]));

  function match(text: string): RegionMatch {
    // Units coded by letters (a country's AUT, say) match their code exactly, before any name.
    const trimmed = text.normalize('NFKC').trim();
    if (codes.has(trimmed) && !/^\d+$/.test(trimmed)) return { kind: 'region', region_code: trimmed, how: 'code' };
    const key = keyOf(text);

    // Excel turns a code column into numbers and writes them back as 110000.0.
    const code = /^(\d{2}|\d{6})(?:\.0+)?$/.exec(key)?.[1];
    if (code !== undefined) {
      const full = code.length === 2 ? `${code}0000` : code;
      if (codes.has(full)) return { kind: 'region', region_code: full, how: 'code' };
      // The code under which the national totals are kept (and written to observations.csv).
      if (full === nationalCode) return { kind: 'aggregate', what: 'national' };
      if (outsideRegionCodes.includes(full)) return { kind: 'aggregate', what: 'outside' };
      return { kind: 'unknown', normalised: key, candidates: [] };
    }

    // Tiers in order of trust; a tier that finds several regions ends the search as unknown.
    const tiers: [CodeIndex, 'name' | 'variant'][] = [
      [fullNames, 'name'],
      [shortNames, 'name'],
      [variants, 'variant'],
    ];
    for (const [index, how] of tiers) {
      const found = index.find(key);
      if (found.length > 1) return { kind: 'unknown', normalised: key, candidates: found };
      const [regionCode] = found;
      if (regionCode !== undefined) return { kind: 'region', region_code: regionCode, how };
    }

    const aggregate = keyForms(key)
      .map((form) => aggregates.get(form))
      .find((a) => a !== undefined);
    if (aggregate !== undefined) return { kind: 'aggregate', ...aggregate };

    return { kind: 'unknown', normalised: key, candidates: [] };
  }

  return { match };
}
