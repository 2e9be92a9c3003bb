import type { Fingerprint } from './Fingerprint.ts';
import type { InputFile } from './InputFile.ts';

/** A microdata file or folder of a data directory, found and fingerprinted. */
export type MicrodataInput = {
  dataset: MicrodataDataset;
  /** The absolute path of the file or folder. */
  path: string;
  /** How it is named in messages and in the source of its values, e.g. `data/patent_records.csv`. */
  label: string;
  /** A CSV file, a Parquet file, or a folder of Parquet files partitioned hive-style. */
  format: 'csv' | 'parquet' | 'hive';
  /**
   * Its entry in the manifest; the microdata stage fills in sha256 (empty until then), rows and
   * values, as it hashes the file while DuckDB reads it rather than before.
   */
  input: InputFile;
  /**
   * The SHA-256 and size of the file or folder: read once, on first call, then remembered. The
   * microdata stage replaces it with the fingerprint a settled note of the cache gives, when a
   * CSV has one (csvCache.ts): the file is then not read at all.
   */
  fingerprint: () => Promise<Fingerprint>;
  /** Where the Parquet copies of a CSV file are kept (see csvCache.ts). */
  cacheDir: string;
  /**
   * Set by the microdata stage when a CSV is to be cached: writes the Parquet copy of its
   * records in the background once called, and says what was cached or why nothing was (see
   * microdataCached.ts).
   */
  caching?: () => Promise<string>;
};

/** A kind of registry microdata that ipindex aggregates into codebook variables in SQL. */
export type MicrodataDataset = {
  /** The file or folder name in a data directory: `<name>.csv`, `<name>.parquet` or `<name>/`. */
  name: 'patent_records' | 'transfer_records' | 'pledge_records';
  /** Every column the records must have, with the DuckDB type a CSV cell is read as. */
  columns: Readonly<Record<string, string>>;
  /** What a reader is told a value of each typed column must look like. */
  expected: Readonly<Record<string, string>>;
  /**
   * queries/microdata/: the typed view, its aggregation (reductions, then the variables) and its
   * checks, which run after the aggregation so that they can read its reductions.
   */
  view: string;
  checks: string;
  aggregates: readonly string[];
  /**
   * The small table the first aggregate file makes from the records, kept in the cache beside
   * the records' Parquet (csvCache.ts) and read back by `cachedCube` instead of the records.
   */
  cube?: { table: string; cached: string };
};
