/** A value whose text was tidied before it could be read as a number (for the quality summary). */
export type ReformattedCell = { file: string; row: number; column: string; how: string };

/** One observation file as intake read it: rows below the header, and how many were blank. */
export type IntakeFile = { file: string; rows_read: number; blank_rows: number };

/**
 * What intake records for the data-quality summary (queries/quality/): the rows of each
 * observation file and the values whose text had to be tidied. Dropped rows and the values
 * themselves are in `DataDir.dropped` and DuckDB's observations_raw.
 */
export type IntakeRecord = { files: IntakeFile[]; reformatted: ReformattedCell[] };
