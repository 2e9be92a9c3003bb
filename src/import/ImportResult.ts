import type { Problem } from '../lib/InputError.ts';
import type { DroppedRow } from '../dataDir/DataDir.ts';

/** One value of the long file an import writes: a row of the data contract's long shape. */
export type ImportedValue = {
  region_code: string;
  year: number;
  variable: string;
  value: number | null;
  unit: string;
  /** Where the value was: row and column (a letter for sheets, a header name for long sources). */
  row: number;
  column: string;
};

/** What an import found: values, every row left out with why, and what stopped it. */
export type ImportResult = {
  file: string;
  values: ImportedValue[];
  dropped: DroppedRow[];
  /** Rows of a long source whose sub-item the map does not pick, counted per sub-item. */
  notSelected: Map<string, number>;
  rowsRead: number;
  blankRows: number;
  /** Lines describing what was found where (title, year, unit, header block, columns). */
  notes: string[];
  problems: Problem[];
};
