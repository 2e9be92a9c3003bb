import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { rm } from 'node:fs/promises';
import type { Problem } from '../../lib/InputError.ts';
import { quotedIdentifier, type Database } from '../openDatabase.ts';
import { runQuery, selectQuery } from '../runQueries.ts';
import { cachedParquet } from './cachedParquet.ts';
import type { MicrodataInput } from './findMicrodata.ts';

type ProblemRow = { file: string; row: number | null; column: string | null; found: string; expected: string };

/**
 * Aggregates the microdata of a data directory in SQL (queries/microdata/) and adds the
 * aggregates to observations_raw, after the observation files and before unit conversion.
 * CSV files are read through their cached Parquet copy. Returns the problems found in the
 * records; fills in each input's number of records and of values in the manifest entry.
 */
export async function runMicrodata(db: Database, microdata: readonly MicrodataInput[]): Promise<Problem[]> {
  if (microdata.length === 0) return [];
  await runQuery(db, 'microdata/00_microdata.sql');
  await db.append('microdata_files', microdata.map((m) => [m.dataset.name, m.label]));
  const problems: Problem[] = [];
  const temporary: string[] = [];
  const [setting] = await db.query<{ threads: bigint | number }>("SELECT current_setting('threads') AS threads");
  // Counts and DECIMAL sums are exact, so these results do not depend on the number of
  // threads that the rest of the pipeline pins to one for its floating-point sums.
  await db.exec(`SET threads = ${availableParallelism()}`);
  // Hashing starts now and goes on on this thread while DuckDB reads on its own; the catch
  // only keeps a failure from going unnoticed until it is awaited below.
  for (const m of microdata) m.fingerprint().catch(() => undefined);
  try {
    for (const m of microdata) {
      // A cached copy found by the file's size and time is read while the file is hashed; in
      // the rare case that the hash then disagrees, its reduction is dropped and the CSV converted.
      for (const trustNote of [true, false]) {
        let files: string;
        let confirmed: Promise<boolean> = Promise.resolve(true);
        if (m.format === 'csv') {
          const copy = await cachedParquet(db, m, trustNote);
          problems.push(...copy.problems);
          if (copy.path === null) break;
          if (copy.temporary) temporary.push(copy.path);
          files = copy.path;
          confirmed = copy.confirmed;
        } else {
          files = m.format === 'hive' ? join(m.path, '**', '*.parquet') : m.path;
          const missing = await missingParquetColumns(db, m, files);
          problems.push(...missing);
          if (missing.length > 0) break;
        }
        const [reduction, ...rest] = m.dataset.aggregates;
        try {
          await db.exec(`SET VARIABLE ${quotedIdentifier(`${m.dataset.name}_files`)} = $files`, { files });
          await db.exec(`SET VARIABLE ${quotedIdentifier(`${m.dataset.name}_hive`)} = $hive`, { hive: m.format === 'hive' });
          await runQuery(db, m.dataset.view);
          // The reduction is the one read of the records; what follows reads what it made.
          if (reduction !== undefined) await runQuery(db, reduction);
          if (!(await confirmed)) {
            if (reduction !== undefined) await db.exec(`DROP TABLE ${quotedIdentifier(tableOf(reduction))}`);
            await db.exec(`DROP VIEW ${quotedIdentifier(m.dataset.name)}`);
            continue;
          }
          const [count] = await db.query<{ n: bigint | number }>(`SELECT count(*) AS n FROM ${quotedIdentifier(m.dataset.name)}`);
          m.input.rows = Number(count?.n ?? 0);
          for (const file of rest) await runQuery(db, file);
          const found = await selectQuery<ProblemRow>(db, m.dataset.checks);
          problems.push(...found.map(toProblem));
        } catch (error) {
          // A Parquet column of a type that does not convert (text in a year column, say).
          const message = (error as Error).message;
          if (!/^(Conversion|Invalid Input) Error/.test(message)) throw error;
          problems.push({ file: m.label, found: `a value that does not convert (${message.split('\n')[0]})`, expected: `columns ${Object.entries(m.dataset.columns).map(([c, t]) => `${c} (${t})`).join(', ')}` });
        }
        break;
      }
    }
    // The manifest's fingerprints: mostly computed already, alongside DuckDB's reading.
    for (const m of microdata) m.input.sha256 = (await m.fingerprint()).sha256;
    await runQuery(db, 'microdata/90_observations_raw.sql');
    const values = await db.query<{ file: string; n: bigint | number }>(
      'SELECT source_file AS file, count(*) AS n FROM observations_raw WHERE source_file IN (SELECT file FROM microdata_files) GROUP BY source_file',
    );
    for (const m of microdata) m.input.values = Number(values.find((v) => v.file === m.label)?.n ?? 0);
  } finally {
    await db.exec(`SET threads = ${Number(setting?.threads ?? 1)}`);
    for (const path of temporary) await rm(path, { force: true });
  }
  return problems;
}

/** The required columns a Parquet file or folder lacks, as problems. */
async function missingParquetColumns(db: Database, m: MicrodataInput, files: string): Promise<Problem[]> {
  await db.exec('SET VARIABLE probe_files = $files', { files });
  await db.exec('SET VARIABLE probe_hive = $hive', { hive: m.format === 'hive' });
  let present: string[];
  try {
    present = (await selectQuery<{ column_name: string }>(db, 'microdata/07_parquet_columns.sql')).map((c) => c.column_name.toLowerCase());
  } catch (error) {
    return [{ file: m.label, found: `a file DuckDB could not read as Parquet (${(error as Error).message.split('\n')[0]})`, expected: `Parquet of ${m.dataset.name}` }];
  }
  return Object.keys(m.dataset.columns)
    .filter((column) => !present.includes(column))
    .map((column) => ({ file: m.label, column, found: `no column "${column}" among ${present.map((c) => `"${c}"`).join(', ')}`, expected: `a column "${column}"` }));
}

/** The table a query file makes, named after the file: `microdata/15_patent_cube.sql` -> patent_cube. */
function tableOf(file: string): string {
  return file.replace(/^.*\/\d+_/, '').replace(/\.sql$/, '');
}

function toProblem(row: ProblemRow): Problem {
  return {
    file: row.file,
    ...(row.row === null ? {} : { row: Number(row.row) }),
    ...(row.column === null ? {} : { column: row.column }),
    found: row.found,
    expected: row.expected,
  };
}
