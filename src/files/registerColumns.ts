/**
 * The columns of a register's files (the enterprise register of src/enterprises/, the
 * institutions' reports of src/institutions/): what every cell must be, so that the register
 * readers (readRegisterFile.ts record by record, readRegisterFast.ts by DuckDB's CSV reader)
 * read and check each file alike. Each file becomes the DuckDB table register_<name>, its
 * columns in this order and then source_row.
 */

/** What a cell holds, and so how it is read and checked. */
export type CellKind =
  | { kind: 'id' } // a code, non-empty, kept as text
  | { kind: 'text' } // free text, may be empty
  | { kind: 'region' } // a region of regions.csv, by code or name
  | { kind: 'year' } // 1900-2100
  | { kind: 'date' } // 2023-05-17, 2023/5/17, 2023.5.17, 2023年5月17日
  | { kind: 'count' } // a whole number >= 0
  | { kind: 'amount' } // a number >= 0
  | { kind: 'number' } // any number
  | { kind: 'choice'; values: readonly string[] }; // one of these words

export type RegisterColumn = { name: string; cell: CellKind; required: boolean };

export type RegisterFile = {
  /** The file (<name>.csv) and its table (register_<name>). */
  name: string;
  required: boolean;
  columns: readonly RegisterColumn[];
  /** Columns of which at least one must be given (outcomes: any of the outcome measures). */
  oneOf?: readonly string[];
};
