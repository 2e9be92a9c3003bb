import type { ReformattedCell } from '../intake/readObservations.ts';

/** One observation file as intake read it: rows below the header, and how many were blank. */
export type IntakeFile = { file: string; rows_read: number; blank_rows: number };

/**
 * What intake records for the data-quality summary (queries/quality/): the rows of each
 * observation file and the values whose text had to be tidied. Dropped rows and the values
 * themselves are in `DataDir.dropped` and DuckDB's observations_raw.
 */
export type IntakeRecord = { files: IntakeFile[]; reformatted: ReformattedCell[] };
