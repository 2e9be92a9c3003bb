import { constants } from 'node:fs';
import { access, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { structValue } from '@duckdb/node-api';
import { quoteFound, type Problem } from '../../lib/InputError.ts';
import { quotedString, type Database } from '../openDatabase.ts';
import { runQuery, selectQuery } from '../runQueries.ts';
import type { MicrodataInput } from './findMicrodata.ts';
import { readCsvHeader } from './readCsvHeader.ts';

/** Bumped whenever the conversion changes, so that older conversions are not read as new ones. */
const conversionVersion = 'v1';
/** Rows that could not be read are listed one by one up to this many, then counted. */
const listedRejects = 20;

/** A microdata CSV as Parquet: where it is, whether it was already there, what was wrong. */
export type ParquetCopy = {
  /** The Parquet file to read, or null when the CSV could not be converted at all. */
  path: string | null;
  /** True when an earlier build had converted the same content (same SHA-256). */
  cached: boolean;
  /** True when the copy is a one-off (rows were rejected): delete it after use. */
  temporary: boolean;
  /**
   * Whether the copy is that of the file's content: false only when a cached copy found by
   * the file's size, time and inode turns out, once the file is hashed, to be of other content.
   */
  confirmed: Promise<boolean>;
  problems: Problem[];
};

/**
 * Converts a microdata CSV to Parquet once: the copy is kept under the SHA-256 of the CSV's
 * content in `input.cacheDir` (beside the data directory, see README "Microdata and scale"),
 * so any later build or check of the same content reads Parquet instead of parsing the CSV
 * again. A CSV with rows that do not fit their types is reported row by row and never cached.
 * The hash is never waited for before DuckDB starts: a first build hashes while it converts;
 * a later one finds its copy through a note kept under the file's size, time and inode and
 * reads it while hashing, `confirmed` saying whether the hash agreed (pass `trustNote` false
 * to ignore the note after it did not).
 */
export async function cachedParquet(db: Database, input: MicrodataInput, trustNote = true): Promise<ParquetCopy> {
  const yes = Promise.resolve(true);
  const failed = (problems: Problem[]): ParquetCopy => ({ path: null, cached: false, temporary: false, confirmed: yes, problems });
  const header = await readCsvHeader(input.path);
  const names = header.names.map((n) => n.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, '_'));
  const headerProblems = checkHeader(input, header.names, names);
  if (headerProblems.length > 0) return failed(headerProblems);

  const cacheDir = await writableCacheDir(input.cacheDir);
  const copyOf = (sha256: string) => join(cacheDir, `${input.dataset.name}.${conversionVersion}.${sha256}.parquet`);
  const file = await stat(input.path);
  const note = join(cacheDir, `${input.dataset.name}.${conversionVersion}.${file.size}-${Math.trunc(file.mtimeMs)}-${file.ino}.sha256`);
  const noted = trustNote ? await readFile(note, 'utf8').then((text) => text.trim(), () => '') : '';
  if (/^[0-9a-f]{64}$/.test(noted) && (await stat(copyOf(noted)).then((s) => s.isFile(), () => false))) {
    const confirmed = input.fingerprint().then((f) => f.sha256 === noted);
    return { path: copyOf(noted), cached: true, temporary: false, confirmed, problems: [] };
  }

  // Hashing runs on this thread while DuckDB converts on its own threads.
  const hashed = input.fingerprint();
  const partial = join(cacheDir, `${input.dataset.name}.${conversionVersion}.${process.pid}-${Date.now()}.partial`);
  const columns = Object.fromEntries(names.map((name, i) => [name in input.dataset.columns ? name : `extra_column_${i + 1}`, input.dataset.columns[name] ?? 'VARCHAR']));
  await db.exec('SET VARIABLE csv_path = $path', { path: input.path });
  await db.exec('SET VARIABLE csv_delimiter = $delimiter', { delimiter: header.delimiter });
  await db.exec('SET VARIABLE csv_columns = $columns', { columns: structValue(columns) });
  await runQuery(db, 'microdata/05_csv_records.sql');
  const known = Object.keys(input.dataset.columns).map((name) => `"${name}"`).join(', ');
  try {
    // Row order does not matter to a sum, and letting it go lets DuckDB write in parallel.
    await db.exec('SET preserve_insertion_order = false');
    // COPY takes no parameter for its target: the path, ours, goes through the client's quoting.
    await db.exec(`COPY (SELECT ${known} FROM csv_records) TO ${quotedString(partial)} (FORMAT parquet)`);
  } catch (error) {
    await rm(partial, { force: true });
    const message = (error as Error).message.split('\n')[0] ?? '';
    return failed([{ file: input.label, found: `a file DuckDB could not read as CSV (${message})`, expected: 'a UTF-8 CSV file with a header row' }]);
  } finally {
    await db.exec('SET preserve_insertion_order = true');
  }

  const rejects = await selectQuery<{ line: bigint | number; column_name: string | null; error_type: string; error_message: string }>(db, 'microdata/06_csv_rejects.sql');
  if (rejects.length > 0) {
    const problems = rejects.slice(0, listedRejects).map((r) => rejectProblem(input, Number(r.line), r.column_name, r.error_type, r.error_message));
    if (rejects.length > listedRejects) {
      problems.push({ file: input.label, found: `${(rejects.length - listedRejects).toLocaleString('en-US')} more rows that could not be read`, expected: 'every row readable (the first are listed above)' });
    }
    return { path: partial, cached: false, temporary: true, confirmed: yes, problems };
  }
  const { sha256 } = await hashed;
  const target = copyOf(sha256);
  await rename(partial, target);
  await writeFile(`${note}.${process.pid}.partial`, `${sha256}\n`);
  await rename(`${note}.${process.pid}.partial`, note);
  return { path: target, cached: false, temporary: false, confirmed: yes, problems: [] };
}

/** The required columns a header lacks and the names it repeats, as problems in row 1. */
function checkHeader(input: MicrodataInput, raw: readonly string[], names: readonly string[]): Problem[] {
  const problems: Problem[] = [];
  const listed = raw.map((n) => `"${n}"`).join(', ');
  for (const column of Object.keys(input.dataset.columns)) {
    if (!names.includes(column)) {
      problems.push({ file: input.label, row: 1, column, found: `no column "${column}" among ${listed || 'no columns'}`, expected: `a column "${column}"` });
    }
  }
  names.forEach((name, i) => {
    const first = names.indexOf(name);
    if (first !== i && name !== '') {
      problems.push({ file: input.label, row: 1, column: raw[i] ?? name, found: `the column name "${raw[i]}" a second time (columns ${first + 1} and ${i + 1})`, expected: 'each column name once' });
    }
  });
  return problems;
}

/** A row DuckDB could not read, in the words of someone editing the file. */
function rejectProblem(input: MicrodataInput, row: number, column: string | null, type: string, message: string): Problem {
  const where = { file: input.label, row, ...(column === null ? {} : { column }) };
  switch (type) {
    case 'CAST': {
      const value = /Could not convert string "(.*)" to/s.exec(message)?.[1] ?? '';
      const declared = column === null ? undefined : input.dataset.columns[column];
      return { ...where, found: quoteFound(value), expected: (column === null ? undefined : input.dataset.expected[column]) ?? `a value of type ${declared ?? 'text'}` };
    }
    case 'TOO_MANY_COLUMNS':
      return { file: input.label, row, found: 'more cells than the header has', expected: 'one cell per column of the header' };
    case 'MISSING_COLUMNS':
      return { file: input.label, row, found: 'fewer cells than the header has', expected: 'one cell per column of the header' };
    case 'INVALID_UNICODE':
      return { file: input.label, row, found: 'bytes that are not UTF-8 text', expected: 'a UTF-8 CSV file (microdata is read as UTF-8)' };
    case 'UNQUOTED_VALUE':
      return { file: input.label, row, found: 'a quote inside an unquoted cell', expected: 'cells quoted as CSV quotes them' };
    default:
      return { ...where, found: `a row that could not be read (${message.split('\n')[0] ?? type})`, expected: 'a CSV row with one cell per column of the header' };
  }
}

/**
 * The cache folder, made if need be; the system's temporary folder when it cannot be written
 * (a data directory on a read-only share, say): a build then still works, only slower next time.
 */
async function writableCacheDir(preferred: string): Promise<string> {
  try {
    await mkdir(preferred, { recursive: true });
    await access(preferred, constants.W_OK);
    return preferred;
  } catch {
    const fallback = join(tmpdir(), 'ipindex-cache');
    await mkdir(fallback, { recursive: true });
    return fallback;
  }
}
