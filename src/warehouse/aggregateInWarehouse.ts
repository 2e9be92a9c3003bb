import { createHash } from 'node:crypto';
import pg from 'pg';
import { InputError, type Problem } from '../lib/InputError.ts';
import type { InputFile } from '../dataDir/InputFile.ts';
import { checkProblem, type CheckRow } from '../microdata/checkProblem.ts';
import { microdataDatasets, type MicrodataDataset } from '../microdata/microdataDatasets.ts';
import type { Database } from '../database/openDatabase.ts';
import { QueryError } from '../database/QueryError.ts';
import { readQuery } from '../database/runQueries.ts';
import { warehouseLabel } from './warehouseLabel.ts';

/** A database whose tables hold registry records: where the build's microdata is aggregated. */
export type Warehouse = { url: string; label: string };

type AggregateRow = { region_code: string; year: number; variable: string; value: number | null; unit: string; source_column: string };

/** A warehouse named by a connection URL, labelled as the report cites it. */
export function warehouseAt(url: string): Warehouse {
  return { url, label: warehouseLabel(url) };
}

/**
 * Aggregates the registry records that a PostgreSQL database holds as tables (patent_records,
 * transfer_records, pledge_records, any of them) inside that database, with the portable SQL
 * of queries/microdata/ (the typed views 1*, the aggregates 2*, the checks), and copies only
 * the aggregates into DuckDB's aggregate tables (queries/microdata/00_microdata.sql), where
 * queries/microdata/90_observations_raw.sql takes them as it takes a file's. Everything made in
 * the warehouse is TEMP, in one transaction that is rolled back: the build needs the right to
 * read the tables and to make temporary ones, and leaves nothing behind.
 *
 * `fromFiles` are the datasets the data directory holds as files: a dataset given twice is a
 * problem. Returns the problems (a missing column, a value that does not convert, what the
 * checks find) and the manifest's entries, one per table, `<label>#<table>`, whose sha256 is
 * that of the aggregates received (the records never leave the database) and `rows` the records.
 */
export async function aggregateInWarehouse(
  db: Database,
  warehouse: Warehouse,
  regionCodes: readonly string[],
  fromFiles: ReadonlySet<string>,
): Promise<{ problems: Problem[]; inputs: InputFile[] }> {
  const client = new pg.Client({ connectionString: warehouse.url });
  try {
    await client.connect();
  } catch (error) {
    throw new InputError([
      {
        file: warehouse.label,
        found: `no connection (${(error as Error).message})`,
        expected: 'a PostgreSQL database this build can connect to (--microdata postgres://user@host/database)',
      },
    ]);
  }
  const problems: Problem[] = [];
  const inputs: InputFile[] = [];
  try {
    await client.query('BEGIN');
    const tables = await tablesOf(client, warehouse);
    problems.push(...tables.problems);
    for (const dataset of tables.found.filter((d) => fromFiles.has(d.name))) {
      problems.push({
        file: `${warehouse.label}#${dataset.name}`,
        found: `${dataset.name} both here and as a file of the data directory`,
        expected: 'each dataset from one place: the file or the table',
      });
    }
    if (problems.length > 0) return { problems, inputs };

    // The session's own schema first, so that what the files create is TEMP (the typed views
    // have bound the warehouse's tables before, and shadow them from here on).
    await run(client, 'warehouse/00_session.sql');
    await client.query('INSERT INTO regions SELECT unnest($1::text[])', [regionCodes]);
    for (const dataset of tables.found) {
      await client.query('INSERT INTO microdata_files VALUES ($1, $2)', [dataset.name, `${warehouse.label}#${dataset.name}`]);
      // Bound now to the warehouse's table, which the typed view of the same name then hides.
      await client.query(`CREATE TEMP VIEW ${dataset.name}_source AS SELECT * FROM ${dataset.name}`);
      await run(client, dataset.view);
    }
    await client.query("SELECT set_config('search_path', 'pg_temp, ' || current_setting('search_path'), true)");
    // Each partition of a table partitioned across servers (postgres_fdw) grouped where it lies.
    const partitionwise = await client.query("SELECT 1 FROM pg_settings WHERE name = 'enable_partitionwise_aggregate'");
    if (partitionwise.rowCount === 1) await client.query("SELECT set_config('enable_partitionwise_aggregate', 'on', true)");

    for (const dataset of tables.found) {
      const file = `${warehouse.label}#${dataset.name}`;
      try {
        for (const query of dataset.aggregates) await run(client, query);
        const counted =
          dataset.cube === undefined ? `SELECT COUNT(*) AS n FROM ${dataset.name}` : `SELECT SUM(records) AS n FROM ${dataset.cube.table}`;
        const rows = Number((await client.query<{ n: string | null }>(counted)).rows[0]?.n ?? 0);
        const found = (await client.query<CheckRow>(await readQuery(dataset.checks))).rows;
        problems.push(...found.map(checkProblem));
        const aggregates = (
          await client.query<AggregateRow>(
            `SELECT region_code, year, variable, value, unit, source_column FROM ${aggregatesOf(dataset)} ORDER BY region_code, year, variable`,
          )
        ).rows;
        await db.append('microdata_files', [[dataset.name, file]]);
        await db.append(
          aggregatesOf(dataset),
          aggregates.map((a) => [a.region_code, a.year, a.variable, a.value, a.unit, a.source_column]),
        );
        inputs.push({
          file,
          role: 'microdata',
          sha256: createHash('sha256').update(JSON.stringify(aggregates)).digest('hex'),
          bytes: 0,
          rows,
        });
      } catch (error) {
        // A value of the warehouse's table that does not convert to its column's type (data exceptions, class 22).
        const code = (error as { code?: string }).code ?? ((error as QueryError).cause as { code?: string } | undefined)?.code ?? '';
        if (!code.startsWith('22')) throw error;
        problems.push({
          file,
          found: `a value that does not convert (${(error as Error).message})`,
          expected: `columns ${Object.entries(dataset.columns)
            .map(([c, t]) => `${c} (${t})`)
            .join(', ')}`,
        });
        return { problems, inputs };
      }
    }
    return { problems, inputs };
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
    await client.end().catch(() => undefined);
  }
}

/** The record tables the database's search path shows, and the columns any of them lacks. */
async function tablesOf(client: pg.Client, warehouse: Warehouse): Promise<{ found: MicrodataDataset[]; problems: Problem[] }> {
  const found: MicrodataDataset[] = [];
  const problems: Problem[] = [];
  for (const dataset of microdataDatasets) {
    const { rows } = await client.query<{ column_name: string }>(
      'SELECT lower(attname) AS column_name FROM pg_attribute WHERE attrelid = to_regclass($1) AND attnum > 0 AND NOT attisdropped ORDER BY attnum',
      [dataset.name],
    );
    if (rows.length === 0) continue;
    found.push(dataset);
    const present = rows.map((r) => r.column_name);
    for (const column of Object.keys(dataset.columns).filter((c) => !present.includes(c))) {
      problems.push({
        file: `${warehouse.label}#${dataset.name}`,
        column,
        found: `no column "${column}" among ${present.map((c) => `"${c}"`).join(', ')}`,
        expected: `a column "${column}"`,
      });
    }
  }
  if (found.length === 0) {
    problems.push({
      file: warehouse.label,
      found: 'none of the tables patent_records, transfer_records, pledge_records',
      expected: `one or more of them in the database's search path (${microdataDatasets.map((d) => d.name).join(', ')})`,
    });
  }
  return { found, problems };
}

/** Runs one SQL file of queries/ on the warehouse; a failure is a QueryError naming the file. */
async function run(client: pg.Client, name: string): Promise<void> {
  const sql = await readQuery(name);
  try {
    await client.query(sql);
  } catch (error) {
    throw new QueryError(name, error);
  }
}

/** The aggregate table a dataset's files fill: patent_records -> patent_aggregates. */
function aggregatesOf(dataset: MicrodataDataset): string {
  return dataset.name.replace(/_records$/, '_aggregates');
}
