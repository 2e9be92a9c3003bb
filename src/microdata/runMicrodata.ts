import { join } from 'node:path';
import type { Problem } from '../lib/InputError.ts';
import { onEveryCore } from '../database/onEveryCore.ts';
import { quotedIdentifier, type Database } from '../database/openDatabase.ts';
import { runQuery, selectQuery } from '../database/runQueries.ts';
import { csvCache, type CsvCache } from './csvCache.ts';
import type { InputFile } from '../dataDir/InputFile.ts';
import { checkProblem, type CheckRow } from './checkProblem.ts';
import type { MicrodataInput } from '../dataDir/MicrodataInput.ts';

/**
 * Aggregates made elsewhere (in a warehouse: src/warehouse/): fills DuckDB's aggregate tables and
 * microdata_files for the datasets it holds, and says what it found wrong and what it read.
 */
export type MadeAggregates = (db: Database) => Promise<{ problems: Problem[]; inputs: InputFile[] }>;

/**
 * Aggregates the microdata of a data directory in SQL (queries/microdata/) and adds the
 * aggregates to observations_raw, after the observation files and before unit conversion.
 * The first build of a CSV reads the CSV itself and starts caching it in the background
 * (`caching`, started and awaited through microdataCached.ts); a later one reads the cached copy, the
 * patent register's cube instead of its records. Returns the problems found in the records;
 * fills in each input's number of records and of values in the manifest entry. Aggregates `made`
 * elsewhere join those of the files before they become observations; their inputs are returned.
 */
export async function runMicrodata(
  db: Database,
  microdata: readonly MicrodataInput[],
  made?: MadeAggregates,
): Promise<{ problems: Problem[]; inputs: InputFile[] }> {
  if (microdata.length === 0 && made === undefined) return { problems: [], inputs: [] };
  await runQuery(db, 'microdata/00_microdata.sql');
  await db.append(
    'microdata_files',
    microdata.map((m) => [m.dataset.name, m.label]),
  );
  // Counts and DECIMAL sums are exact, so these results do not depend on the number of
  // threads that the rest of the pipeline pins to one for its floating-point sums.
  return onEveryCore(db, () => aggregateRecords(db, microdata, made));
}

/** What runMicrodata does on every core: each dataset read (or its cached copy), aggregated and checked. */
async function aggregateRecords(
  db: Database,
  microdata: readonly MicrodataInput[],
  made: MadeAggregates | undefined,
): Promise<{ problems: Problem[]; inputs: InputFile[] }> {
  const problems: Problem[] = [];
  // Each CSV's place in the cache first: a CSV with a settled note is not hashed at all.
  const caches = new Map<MicrodataInput, CsvCache>();
  for (const m of microdata) {
    if (m.format !== 'csv') continue;
    const cache = await csvCache(m);
    caches.set(m, cache);
    const settled = cache.hit?.settled;
    if (settled) m.fingerprint = () => Promise.resolve(settled);
  }
  // Hashing starts now and goes on on this thread while DuckDB reads on its own; the catch
  // only keeps a failure from going unnoticed until it is awaited below.
  for (const m of microdata) m.fingerprint().catch(() => undefined);
  for (const m of microdata) {
    // A cached copy found by the file's status is read while the file is hashed (unless its
    // note is settled); in the rare case that the hash then disagrees, what it gave is
    // dropped and the CSV read.
    for (const trustNote of [true, false]) {
      const [reduction, ...rest] = m.dataset.aggregates;
      const cube = m.dataset.cube;
      const source = quotedIdentifier(`${m.dataset.name}_source`);
      let confirmed: Promise<boolean> = Promise.resolve(true);
      let cache: CsvCache | null = null;
      if (m.format === 'csv') {
        cache = (trustNote ? caches.get(m) : undefined) ?? (await csvCache(m, false));
        problems.push(...cache.problems);
        if (cache.problems.length > 0) break;
        if (cache.hit === null) {
          await cache.readCsv(db);
          await db.exec(`CREATE OR REPLACE TEMP VIEW ${source} AS SELECT * FROM csv_records`);
        } else {
          await readParquet(db, source, cache.hit.records, false);
          confirmed = cache.hit.confirmed;
        }
      } else {
        const files = m.format === 'hive' ? join(m.path, '**', '*.parquet') : m.path;
        const missing = await missingParquetColumns(db, m, files);
        problems.push(...missing);
        if (missing.length > 0) break;
        await readParquet(db, source, files, m.format === 'hive');
      }
      const readsCsv = cache !== null && cache.hit === null;
      try {
        await runQuery(db, m.dataset.view);
        // The reduction is the one read of the records; what follows reads what it made.
        if (cache?.hit?.cube != null && cube !== undefined) {
          await db.exec('SET VARIABLE cached_cube_file = $file', { file: cache.hit.cube });
          await runQuery(db, cube.cached);
        } else if (reduction !== undefined) {
          // Every column is parsed, not only those the reduction uses, so that this read
          // rejects the same rows as the copy to Parquet will (a patent_id that is not UTF-8).
          if (readsCsv) await db.exec("SET disabled_optimizers = 'unused_columns'");
          try {
            await runQuery(db, reduction);
          } finally {
            if (readsCsv) await db.exec('RESET disabled_optimizers');
          }
        }
        if (readsCsv && cache !== null) {
          const rejected = await cache.rejects(db);
          problems.push(...rejected);
          if (rejected.length === 0) m.caching = (await cache.write(db)).copy;
        }
        if (!(await confirmed)) {
          if (reduction !== undefined) await db.exec(`DROP TABLE ${quotedIdentifier(tableOf(reduction))}`);
          await db.exec(`DROP VIEW ${quotedIdentifier(m.dataset.name)}`);
          continue;
        }
        await cache?.renote();
        // The cube has counted the records already; without one, a CSV is read once more.
        const [count] = await db.query<{ n: bigint | number | null }>(
          cube === undefined
            ? `SELECT count(*) AS n FROM ${quotedIdentifier(m.dataset.name)}`
            : `SELECT sum(records) AS n FROM ${quotedIdentifier(cube.table)}`,
        );
        m.input.rows = Number(count?.n ?? 0);
        for (const file of rest) await runQuery(db, file);
        const found = await selectQuery<CheckRow>(db, m.dataset.checks);
        problems.push(...found.map(checkProblem));
      } catch (error) {
        const message = (error as Error).message;
        if (readsCsv) {
          problems.push({
            file: m.label,
            found: `a file DuckDB could not read as CSV (${message.split('\n')[0] ?? ''})`,
            expected: 'a UTF-8 CSV file with a header row',
          });
          break;
        }
        // A Parquet column of a type that does not convert (text in a year column, say).
        if (!/^(Conversion|Invalid Input) Error/.test(message)) throw error;
        problems.push({
          file: m.label,
          found: `a value that does not convert (${message.split('\n')[0]})`,
          expected: `columns ${Object.entries(m.dataset.columns)
            .map(([c, t]) => `${c} (${t})`)
            .join(', ')}`,
        });
      }
      break;
    }
  }
  // The manifest's fingerprints: mostly computed already, alongside DuckDB's reading.
  for (const m of microdata) m.input.sha256 = (await m.fingerprint()).sha256;
  const elsewhere = made === undefined ? { problems: [], inputs: [] } : await made(db);
  problems.push(...elsewhere.problems);
  await runQuery(db, 'microdata/90_observations_raw.sql');
  const values = await db.query<{ file: string; n: bigint | number }>(
    'SELECT source_file AS file, count(*) AS n FROM observations_raw WHERE source_file IN (SELECT file FROM microdata_files) GROUP BY source_file',
  );
  for (const input of [...microdata.map((m) => m.input), ...elsewhere.inputs])
    input.values = Number(values.find((v) => v.file === input.file)?.n ?? 0);
  return { problems, inputs: elsewhere.inputs };
}

/** Points the records view of a dataset (its variable `source`) at Parquet files, through parquet_records. */
async function readParquet(db: Database, source: string, files: string, hive: boolean): Promise<void> {
  await db.exec('SET VARIABLE parquet_files = $files', { files });
  await db.exec('SET VARIABLE parquet_hive = $hive', { hive });
  await runQuery(db, 'microdata/08_parquet_records.sql');
  await db.exec(`CREATE OR REPLACE TEMP VIEW ${source} AS SELECT * FROM parquet_records`);
}

/** The required columns a Parquet file or folder lacks, as problems. */
async function missingParquetColumns(db: Database, m: MicrodataInput, files: string): Promise<Problem[]> {
  await db.exec('SET VARIABLE probe_files = $files', { files });
  await db.exec('SET VARIABLE probe_hive = $hive', { hive: m.format === 'hive' });
  let present: string[];
  try {
    present = (await selectQuery<{ column_name: string }>(db, 'microdata/07_parquet_columns.sql')).map((c) => c.column_name.toLowerCase());
  } catch (error) {
    return [
      {
        file: m.label,
        found: `a file DuckDB could not read as Parquet (${(error as Error).message.split('\n')[0]})`,
        expected: `Parquet of ${m.dataset.name}`,
      },
    ];
  }
  return Object.keys(m.dataset.columns)
    .filter((column) => !present.includes(column))
    .map((column) => ({
      file: m.label,
      column,
      found: `no column "${column}" among ${present.map((c) => `"${c}"`).join(', ')}`,
      expected: `a column "${column}"`,
    }));
}

/** The table a query file makes, named after the file: `microdata/15_patent_cube.sql` -> patent_cube. */
function tableOf(file: string): string {
  return file.replace(/^.*\/\d+_/, '').replace(/\.sql$/, '');
}
