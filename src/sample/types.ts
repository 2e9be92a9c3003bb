/** A row of data/regions.csv, as far as the sample generator needs it. */
export interface SampleRegion {
  region_code: string;
  /** The Chinese name, where the generator names things after the region. */
  name_zh?: string;
  name_en: string;
}

/** A row of data/variables.csv (the codebook), as far as the sample generator needs it. */
export interface CodebookVariable {
  variable: string;
  dataset: string;
  unit: string;
  min: number | null;
  max: number | null;
}

/** One region-year of a dataset; `null` marks a value that is deliberately missing. */
export interface SampleRow {
  region_code: string;
  year: number;
  values: Record<string, number | null>;
}

/** The generated observations of one dataset, with its variables in codebook order. */
export interface SampleTable {
  dataset: string;
  variables: string[];
  rows: SampleRow[];
  /** National rows (全国), written after the regions' rows; only for the datasets of NATIONAL_ROW_DATASETS. */
  national?: SampleRow[];
}
