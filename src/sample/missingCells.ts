/** A cell the sample leaves empty, as real yearbooks do. */
export interface MissingCell {
  region_code: string;
  year: number;
  variable: string;
}

/**
 * The cells deliberately missing from the sample, so that the pipeline's imputation has
 * something to do: the small provinces that published nothing in early years.
 */
export const MISSING_CELLS: readonly MissingCell[] = [
  { region_code: '540000', year: 2014, variable: 'pct_applications' },
  { region_code: '540000', year: 2015, variable: 'pct_applications' },
  { region_code: '540000', year: 2016, variable: 'pct_applications' },
  { region_code: '630000', year: 2014, variable: 'pct_applications' },
  { region_code: '640000', year: 2015, variable: 'rd_basic' },
  { region_code: '460000', year: 2014, variable: 'university_transfer_income' },
  { region_code: '540000', year: 2014, variable: 'university_transfer_income' },
  { region_code: '540000', year: 2015, variable: 'university_transfer_income' },
];
