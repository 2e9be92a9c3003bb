/**
 * Hand-written tables for region matching: spellings of region names that no rule derives from
 * `regions.csv` (OCR errors seen in real yearbooks, other romanisations), and the names of rows
 * that are not a province (national totals, zone subtotals, Hong Kong, Macao, Taiwan). Every
 * entry is written out, so the matcher never has to guess; add a row, with where it was seen,
 * when a real file needs one.
 */
import type { Region } from './types.ts';
import { zones } from './zones.ts';

/** One known variant spelling and the GB/T 2260 code it stands for. */
export type RegionVariant = {
  /** As written in the source; the matcher normalises it (NFKC, no whitespace, lower case). */
  variant: string;
  region_code: string;
  /** Where the variant was seen, so that a reviewer can check the entry. */
  seen_in: string;
};

// The China Statistical Yearbook on Science and Technology tables behind huhuaping/techme were
// OCR'd from print: 西 comes out as 两 or 四, 古 as 占, 江 as 汀 and 东 as 尔 (glyphs a stroke apart).
const techme = 'huhuaping/techme 9ad60a1 (China Statistical Yearbook on Science and Technology)';

/** The variant table: OCR errors in real yearbooks and alternative romanisations. */
export const regionVariants: readonly RegionVariant[] = [
  { variant: '内蒙占', region_code: '150000', seen_in: `${techme}, RDLaborHour` },
  { variant: '山两', region_code: '140000', seen_in: `${techme}, RDPatentAuthority` },
  { variant: '江两', region_code: '360000', seen_in: `${techme}, RDPatentAccept` },
  { variant: '两藏', region_code: '540000', seen_in: `${techme}, RDPatentAuthority` },
  { variant: '浙汀', region_code: '330000', seen_in: `${techme}, named in shared/real-data/README.md` },
  { variant: '江四', region_code: '360000', seen_in: `${techme}, RDPatentValid 2015` },
  { variant: '四藏', region_code: '540000', seen_in: `${techme}, RDPatentValid 2014` },

  { variant: 'Nei Mongol', region_code: '150000', seen_in: 'official romanisation (NBS, UN gazetteer)' },
  { variant: 'Nei Menggu', region_code: '150000', seen_in: 'Hanyu Pinyin of 内蒙古' },
  // Either may be the name_en of regions.csv; the other then arrives here.
  { variant: 'Xizang', region_code: '540000', seen_in: 'Hanyu Pinyin of 西藏, official English since 2023' },
  { variant: 'Tibet', region_code: '540000', seen_in: 'customary English name of 西藏' },
  { variant: 'Macau', region_code: '820000', seen_in: 'Portuguese spelling of Macao' },
];

/** What a row that is not a province stands for. */
export type RegionAggregate =
  | { what: 'national' }
  | { what: 'zone'; zone: Region['zone'] }
  | { what: 'outside' };

const national: RegionAggregate = { what: 'national' };
const outside: RegionAggregate = { what: 'outside' };
const zone = (z: Region['zone']): RegionAggregate => ({ what: 'zone', zone: z });

/**
 * Names of rows that are not one of the 31 provinces: totals, the four economic zones (NBS
 * 东部/中部/西部/东北) and the regions outside the mainland statistics.
 */
export const regionAggregates: readonly (readonly [name: string, aggregate: RegionAggregate])[] = [
  ['全国', national],
  ['全国合计', national],
  ['全国总计', national],
  ['合计', national],
  ['总计', national],
  ['中国', national],
  ['National', national],
  ['National Total', national],
  ['Nationwide', national],
  ['Total', national],
  ['Grand Total', national],
  ['China', national],

  // The zones by their names (zones.ts) and as the yearbooks head them (东部地区), then the
  // other spellings met in tables.
  ...zones.flatMap(({ zone: code, name }) => [[name.zh, zone(code)], [`${name.zh}地区`, zone(code)], [name.en, zone(code)]] as const),

  // OCR of 东部地区 (huhuaping/techme 9ad60a1, RDPatentValid 2014).
  ['尔部地区', zone('east')],
  ['Eastern', zone('east')],
  ['East Region', zone('east')],
  ['Eastern Region', zone('east')],
  ['Central Region', zone('central')],
  // The NBS yearbooks translate 中部地区 as "Middle Region".
  ['Middle', zone('central')],
  ['Middle Region', zone('central')],
  ['Western', zone('west')],
  ['West Region', zone('west')],
  ['Western Region', zone('west')],
  ['Northeastern', zone('northeast')],
  ['Northeast Region', zone('northeast')],
  ['Northeastern Region', zone('northeast')],

  ['香港', outside],
  ['香港特别行政区', outside],
  ['澳门', outside],
  ['澳門', outside],
  ['澳门特别行政区', outside],
  ['台湾', outside],
  ['台灣', outside],
  ['臺灣', outside],
  ['台湾省', outside],
  ['台湾地区', outside],
  ['Hong Kong', outside],
  // One word in the English column of the Science and Technology yearbook, table 7-7 (2010).
  ['Hongkong', outside],
  ['Hong Kong SAR', outside],
  ['Macao', outside],
  ['Macao SAR', outside],
  ['Macau', outside],
  ['Macau SAR', outside],
  ['Taiwan', outside],
  ['Taiwan Province', outside],
];

/** GB/T 2260 codes of Taiwan, Hong Kong and Macao, which mainland statistics leave out. */
export const outsideRegionCodes: readonly string[] = ['710000', '810000', '820000'];
