import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { access, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { structValue } from '../database/duckdb.ts';
import { quoteFound, type Problem } from '../lib/InputError.ts';
import { openDatabase, quotedIdentifier, quotedString, type Database } from '../database/openDatabase.ts';
import { readQuery, runQuery, selectQuery } from '../database/runQueries.ts';
import { readCsvHeader } from './readCsvHeader.ts';
import type { MicrodataInput } from '../dataDir/MicrodataInput.ts';
import type { Fingerprint } from '../dataDir/Fingerprint.ts';

/** Bumped whenever the layout of the cache changes; the queries the copies depend on are hashed in. */
const cacheFormat = 'v3';
/**
 * How far apart two changes to a file must be for its timestamps to tell them apart, on the
 * coarsest file systems in use (FAT keeps times to 2 s); see `settled` below.
 */
const timestampGranularityMs = 2000;
/** Rows that could not be read are listed one by one up to this many, then counted. */
const listedRejects = 20;

/** An earlier build's copy of a CSV's content: the records as Parquet and, if the dataset has one, its cube. */
export type CacheHit = {
  records: string;
  cube: string | null;
  /**
   * Whether the copy is that of the file's content: false only when a copy found by the file's
   * status turns out, once the file is hashed, to be of other content.
   */
  confirmed: Promise<boolean>;
  /**
   * The file's content as its note gives it, when the note is settled: the file has not changed
   * since it was hashed, so it is not hashed again (`confirmed` is then true at once).
   */
  settled: Fingerprint | null;
};

/** A microdata CSV and its place in the cache: read the copy if there is one, else the CSV, then write the copy. */
export type CsvCache = {
  /** What is wrong with the header; when there is anything, nothing can be read. */
  problems: Problem[];
  hit: CacheHit | null;
  /** Defines csv_records (05_csv_records.sql) over the CSV, in `db`. */
  readCsv(db: Database): Promise<void>;
  /** The rows that the last read of the CSV in `db` could not read, as problems. */
  rejects(db: Database): Promise<Problem[]>;
  /**
   * Caches a CSV read without rejects: writes the cube (from `db`) now, and returns `copy`,
   * which writes the records as Parquet on a DuckDB of their own, in the background of what the
   * build does when it calls it, and says, for the log, what was cached or why nothing was (it
   * never rejects).
   */
  write(db: Database): Promise<{ copy: () => Promise<string> }>;
  /**
   * After a hit that was not settled and that the hash confirmed: writes the note again with
   * this build's hash, which settles it if the file had not changed for a while before (never
   * rejects: a note that cannot be written only means one more hash next time).
   */
  renote(): Promise<void>;
};

/**
 * The cache of a microdata CSV (README, "Microdata and scale"): under the SHA-256 of its content
 * and a version that hashes the queries the copies come from, in `input.cacheDir`, the records
 * as Parquet and the dataset's cube (the patent register's ~320,000 groups) as a small Parquet.
 * The first build of a content reads the CSV once, straight into the cube, and writes the
 * copies afterwards; a later one reads the cube, and the records only if a check needs them.
 * The hash is never waited for before DuckDB starts: a first build hashes while it reads the
 * CSV; a later one finds its copy through a note kept under the file's status (size,
 * modification and status-change times to the nanosecond, inode) and reads it while hashing,
 * `confirmed` saying whether the hash agreed (pass `trustNote` false to ignore the note after it
 * did not). A note is settled, and the file not hashed at all, when the file's status last
 * changed well before the hash it records began, as git trusts its index: any write to the
 * file since, even one that keeps its size and sets its modification time back, moves its
 * status-change time (which no program can set) past that moment, so the note is not found.
 * A CSV with rows that cannot be read is never cached.
 */
export async function csvCache(input: MicrodataInput, trustNote = true): Promise<CsvCache> {
  const header = await readCsvHeader(input.path);
  const names = header.names.map((n) => n.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, '_'));
  const columns = Object.fromEntries(
    names.map((name, i) => [name in input.dataset.columns ? name : `extra_column_${i + 1}`, input.dataset.columns[name] ?? 'VARCHAR']),
  );
  const readCsv = async (db: Database) => {
    await db.exec('SET VARIABLE csv_path = $path', { path: input.path });
    await db.exec('SET VARIABLE csv_delimiter = $delimiter', { delimiter: header.delimiter });
    await db.exec('SET VARIABLE csv_columns = $columns', { columns: structValue(columns) });
    await runQuery(db, 'microdata/05_csv_records.sql');
  };
  const rejects = async (db: Database) => {
    const rows = await selectQuery<{ line: bigint | number; column_name: string | null; error_type: string; error_message: string }>(
      db,
      'microdata/06_csv_rejects.sql',
    );
    const problems = rows
      .slice(0, listedRejects)
      .map((r) => rejectProblem(input, Number(r.line), r.column_name, r.error_type, r.error_message));
    if (rows.length > listedRejects) {
      problems.push({
        file: input.label,
        found: `${(rows.length - listedRejects).toLocaleString('en-US')} more rows that could not be read`,
        expected: 'every row readable (the first are listed above)',
      });
    }
    return problems;
  };
  const headerProblems = checkHeader(input, header.names, names);
  const cacheDir = await writableCacheDir(input.cacheDir);
  const version = await cacheVersion(input);
  const prefix = join(cacheDir, `${input.dataset.name}.${version}`);
  const recordsOf = (sha256: string) => `${prefix}.${sha256}.parquet`;
  const cubeOf = (sha256: string) => `${prefix}.${sha256}.cube.parquet`;
  const file = await stat(input.path, { bigint: true });
  const note = `${prefix}.${file.size}-${file.mtimeNs}-${file.ctimeNs}-${file.ino}.sha256`;
  const isFile = (path: string) =>
    stat(path).then(
      (s) => s.isFile(),
      () => false,
    );
  const text = trustNote && headerProblems.length === 0 ? await readFile(note, 'utf8').catch(() => '') : '';
  // The note: the SHA-256 of the content and when the hash of it began (ms since the epoch).
  const [, noted = '', started = '0'] = /^([0-9a-f]{64}) (\d+)\n$/.exec(text) ?? [];
  let hit: CacheHit | null = null;
  if (noted !== '' && (await isFile(recordsOf(noted))) && (input.dataset.cube === undefined || (await isFile(cubeOf(noted))))) {
    const startedAt = Number(started);
    const settled =
      Number(file.ctimeNs / 1_000_000n) + timestampGranularityMs < startedAt
        ? { sha256: noted, bytes: Number(file.size), startedAt }
        : null;
    const confirmed = settled !== null ? Promise.resolve(true) : input.fingerprint().then((f) => f.sha256 === noted);
    hit = { records: recordsOf(noted), cube: input.dataset.cube === undefined ? null : cubeOf(noted), confirmed, settled };
  }
  const writeNote = async ({ sha256, startedAt }: Fingerprint) => {
    await writeFile(`${note}.${process.pid}.partial`, `${sha256} ${startedAt}\n`);
    await rename(`${note}.${process.pid}.partial`, note);
  };
  const renote = async () => {
    if (hit === null || hit.settled !== null || !(await hit.confirmed)) return;
    await writeNote(await input.fingerprint()).catch(() => undefined);
  };

  const write = async (db: Database): Promise<{ copy: () => Promise<string> }> => {
    const partial = `${prefix}.${process.pid}-${Date.now()}`;
    const cube = input.dataset.cube;
    const cubeWritten =
      cube === undefined
        ? Promise.resolve()
        : // COPY takes no parameter for its target: the path, ours, goes through the client's quoting.
          db.exec(`COPY ${quotedIdentifier(cube.table)} TO ${quotedString(`${partial}.cube.partial`)} (FORMAT parquet)`);
    await cubeWritten.catch(() => undefined);
    const copied = () =>
      cubeWritten
        .then(() => copyRecords(`${partial}.partial`))
        .then(async (problems) => {
          if (problems.length > 0) throw new Error(`${problems.length} rows could not be read`);
          const fingerprint = await input.fingerprint();
          await rename(`${partial}.partial`, recordsOf(fingerprint.sha256));
          if (cube !== undefined) await rename(`${partial}.cube.partial`, cubeOf(fingerprint.sha256));
          // The note comes last: it is what a later build looks for, and both copies are in place.
          await writeNote(fingerprint);
          return `${input.label}: records${cube === undefined ? '' : ` and ${cube.table}`} cached as Parquet`;
        });
    return {
      copy: () =>
        copied().catch(async (error: unknown) => {
          await rm(`${partial}.partial`, { force: true });
          await rm(`${partial}.cube.partial`, { force: true });
          return `${input.label}: not cached (${((error as Error).message.split('\n')[0] ?? '').slice(0, 200)})`;
        }),
    };
  };

  /** Writes the records as Parquet on a DuckDB of its own (one thread: the build keeps the others). */
  const copyRecords = async (target: string): Promise<Problem[]> => {
    const own = await openDatabase();
    try {
      await readCsv(own);
      // Row order does not matter to a sum, and letting it go lets DuckDB write in parallel.
      await own.exec('SET preserve_insertion_order = false');
      const known = Object.keys(input.dataset.columns)
        .map((name) => quotedIdentifier(name))
        .join(', ');
      await own.exec(`COPY (SELECT ${known} FROM csv_records) TO ${quotedString(target)} (FORMAT parquet)`);
      // The build read the same columns and found every row readable; this only makes sure.
      return await rejects(own);
    } finally {
      own.close();
    }
  };

  return { problems: headerProblems, hit, readCsv, rejects, write, renote };
}

/**
 * The version a copy is kept under: the cache's format and a hash of what makes the copies
 * (the CSV's reading, the records view, the cube's query, the column types), so that editing
 * any of them makes every build read its CSV afresh rather than an outdated cube.
 */
async function cacheVersion(input: MicrodataInput): Promise<string> {
  const { dataset } = input;
  const hash = createHash('sha256').update(JSON.stringify(dataset.columns));
  const queries = [
    'microdata/05_csv_records.sql',
    dataset.view,
    ...(dataset.cube === undefined ? [] : [dataset.aggregates[0] ?? '', dataset.cube.cached]),
  ];
  for (const query of queries) hash.update(`\0${query}\0${await readQuery(query)}`);
  return `${cacheFormat}-${hash.digest('hex').slice(0, 12)}`;
}

/** The required columns a header lacks and the names it repeats, as problems in row 1. */
function checkHeader(input: MicrodataInput, raw: readonly string[], names: readonly string[]): Problem[] {
  const problems: Problem[] = [];
  const listed = raw.map((n) => `"${n}"`).join(', ');
  for (const column of Object.keys(input.dataset.columns)) {
    if (!names.includes(column)) {
      problems.push({
        file: input.label,
        row: 1,
        column,
        found: `no column "${column}" among ${listed || 'no columns'}`,
        expected: `a column "${column}"`,
      });
    }
  }
  names.forEach((name, i) => {
    const first = names.indexOf(name);
    if (first !== i && name !== '') {
      problems.push({
        file: input.label,
        row: 1,
        column: raw[i] ?? name,
        found: `the column name "${raw[i]}" a second time (columns ${first + 1} and ${i + 1})`,
        expected: 'each column name once',
      });
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
      return {
        ...where,
        found: quoteFound(value),
        expected: (column === null ? undefined : input.dataset.expected[column]) ?? `a value of type ${declared ?? 'text'}`,
      };
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
      return {
        ...where,
        found: `a row that could not be read (${message.split('\n')[0] ?? type})`,
        expected: 'a CSV row with one cell per column of the header',
      };
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
