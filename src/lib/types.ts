/** A region of `regions.csv` (GB/T 2260 code, names, zone). */
export type Region = {
  region_code: string;
  name_zh: string;
  name_en: string;
  /** A country is a unit of an index outside China (e.g. one imported from COINr), coded freely. */
  level: 'province' | 'prefecture' | 'country';
  parent_code: string;
  /** east | central | west | northeast for provinces and prefectures; any group label for a country. */
  zone: string;
};

/** A codebook entry of `variables.csv`: every observed variable is declared here. */
export type Variable = {
  variable: string;
  dataset: string;
  name_zh: string;
  name_en: string;
  unit: string;
  min: number | null;
  max: number | null;
  description: string;
  /** Where the numbers come from, as a reader would cite it (publication, table, edition or URL); '' when not given. */
  source?: string;
};

/** A node of `framework.csv`: the index, its dimensions and their indicators. */
export type FrameworkNode = {
  code: string;
  parent: string | null;
  /** 1 = indicator; higher levels aggregate the level below (COINr's convention). */
  level: number;
  name_zh: string;
  name_en: string;
  unit: string;
  direction: 1 | -1;
  weight: number;
  formula: string | null;
  target: number | null;
};

/** One observed value, long, with where it came from. */
export type Observation = {
  region_code: string;
  year: number;
  variable: string;
  value: number | null;
  /** The value as given, before unit conversion. */
  source_value: number | null;
  source_unit: string;
  source_file: string;
  source_row: number;
  source_column: string;
};

/**
 * The code under which national totals (全国) given in observation files are kept: the code
 * commonly used for the whole country alongside GB/T 2260. National rows are not regions: they
 * stay out of the index and serve as control totals (e.g. the accounts' national row).
 */
export const nationalCode = '100000';
