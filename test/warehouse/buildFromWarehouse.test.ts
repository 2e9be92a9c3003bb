import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formatProblem } from '../../src/lib/InputError.ts';
import { main } from '../../src/cli/cli.ts';
import { loadDataDir } from '../../src/intake/loadDataDir.ts';
import { microdataDatasets } from '../../src/microdata/microdataDatasets.ts';
import { openDatabase, quotedString, type Cell } from '../../src/database/openDatabase.ts';
import { runStaging } from '../../src/staging/runStaging.ts';
import { warehouseAt } from '../../src/warehouse/aggregateInWarehouse.ts';
import { startPostgres, type Postgres } from './startPostgres.ts';

// `ipindex build DIR --microdata postgres://...`: the registry records of test/fixtures/microdata
// (hand-counted in test/microdata/microdata.test.ts) as tables of a real PostgreSQL server,
// aggregated there; the build must give the values the same records give as files, and say
// clearly what is wrong with a table.

const fixture = fileURLToPath(new URL('../fixtures/microdata/', import.meta.url));
type Value = {
  region_code: string;
  year: number;
  variable: string;
  value: number | null;
  source_value: number | null;
  source_file: string;
  source_column: string;
};

let work: string;
let postgres: Postgres;
/** The fixture's data directory with its record files, and a copy without them. */
let withFiles: string;
let withoutFiles: string;
/** The server's URL: the socket folder goes in the query string, which the report never shows. */
let url: string;

/** The PostgreSQL type of a column the microdata contract types for DuckDB. */
const postgresType = (duckType: string) => (duckType === 'VARCHAR' ? 'text' : duckType === 'INTEGER' ? 'integer' : 'numeric(18, 2)');

/** Copies a record file of the fixture into a table of the server, typed as the contract types it, through DuckDB's reading of it. */
async function loadTable(dataset: (typeof microdataDatasets)[number], table = dataset.name, types = postgresType): Promise<void> {
  const db = await openDatabase();
  const rows = await db.query<Record<string, Cell>>(
    `SELECT * FROM read_csv(${quotedString(join(fixture, `${dataset.name}.csv`))}, all_varchar = true)`,
  );
  db.close();
  const columns = Object.entries(dataset.columns);
  await postgres.client.query(`CREATE TABLE ${table} (${columns.map(([c, t]) => `${c} ${types(t)}`).join(', ')})`);
  for (const row of rows) {
    await postgres.client.query(
      `INSERT INTO ${table} VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
      columns.map(([c]) => row[c] ?? null),
    );
  }
}

/** Runs staging over a data directory, from its files or with the warehouse; the microdata values and the problems. */
async function stage(dir: string, warehouseUrl?: string) {
  const data = await loadDataDir(dir, 'data', undefined, warehouseUrl === undefined ? undefined : warehouseAt(warehouseUrl));
  const db = await openDatabase();
  try {
    const problems = [...data.problems, ...(await runStaging(db, data))].map(formatProblem);
    const values = await db.query<Value>(
      'SELECT region_code, year, variable, value, source_value, source_file, source_column FROM observations WHERE source_row = 0 ORDER BY variable, region_code, year',
    );
    return { data, values, problems };
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'ipindex-warehouse-'));
  postgres = await startPostgres();
  url = `postgres://postgres@/postgres?host=${encodeURIComponent(postgres.socket)}`;
  for (const dataset of microdataDatasets) await loadTable(dataset);
  withFiles = join(work, 'files', 'data');
  withoutFiles = join(work, 'warehouse', 'data');
  await cp(fixture, withFiles, { recursive: true });
  await cp(fixture, withoutFiles, { recursive: true, filter: (source) => !/_records\.csv$/.test(source) });
}, 120_000);

afterAll(async () => {
  await postgres?.stop();
  await rm(work, { recursive: true, force: true });
});

describe('aggregating in the warehouse (src/warehouse/)', () => {
  test('gives the values the same records give as files, each citing its table', async () => {
    const files = await stage(withFiles);
    const warehouse = await stage(withoutFiles, url);
    expect(files.problems).toEqual([]);
    expect(warehouse.problems).toEqual([]);
    expect(warehouse.values.length).toBe(files.values.length);
    const strip = (values: readonly Value[]) => values.map(({ source_file: _, ...v }) => v);
    expect(strip(warehouse.values)).toEqual(strip(files.values));
    // By hand (the fixture's README): Beijing's patents in force at the end of 2021 are CN1, CN3, CN5, CN6.
    expect(warehouse.values.find((v) => v.variable === 'patents_in_force' && v.region_code === '110000' && v.year === 2021)).toMatchObject({
      value: 4,
      source_file: 'postgres://postgres@/postgres#patent_records',
    });
    const inputs = warehouse.data.inputs.filter((i) => i.role === 'microdata');
    expect(inputs.map((i) => [i.file, i.rows, i.values])).toEqual([
      ['postgres://postgres@/postgres#patent_records', 10, 42],
      ['postgres://postgres@/postgres#transfer_records', 5, 8],
      ['postgres://postgres@/postgres#pledge_records', 4, 8],
    ]);
    // Nothing of the session is left in the warehouse.
    const left = await postgres.client.query(
      "SELECT relname FROM pg_class WHERE relname IN ('patent_cube', 'patent_aggregates', 'patent_records_source')",
    );
    expect(left.rows).toEqual([]);
  });

  test('builds the report with --microdata, naming the tables and never the socket folder', async () => {
    const out = join(work, 'out');
    const lines: string[] = [];
    const code = await main(
      ['build', withoutFiles, '--out', out, '--no-site', '--microdata', url],
      (line) => lines.push(line),
      (line) => lines.push(line),
    );
    expect(lines.join('\n')).not.toContain(postgres.socket);
    expect(code, lines.join('\n')).toBe(0);
    const manifest = await readFile(join(out, 'data', 'manifest.json'), 'utf8');
    expect(manifest).toContain('"postgres://postgres@/postgres#patent_records"');
    const observations = await readFile(join(out, 'data', 'observations.csv'), 'utf8');
    expect(observations).toContain('postgres://postgres@/postgres#pledge_records');
    for (const text of [manifest, observations]) expect(text).not.toContain(postgres.socket);
  });

  test('gives the same values from tables hash-partitioned across two servers (postgres_fdw)', async () => {
    const shard = await startPostgres();
    try {
      const { default: pg } = await import('pg');
      await postgres.client.query('CREATE DATABASE sharded');
      const sharded = `postgres://postgres@/sharded?host=${encodeURIComponent(postgres.socket)}`;
      const coordinator = new pg.Client({ connectionString: sharded });
      await coordinator.connect();
      try {
        await coordinator.query('CREATE EXTENSION postgres_fdw');
        await coordinator.query(
          `CREATE SERVER shard FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host '${shard.socket}', dbname 'postgres')`,
        );
        await coordinator.query("CREATE USER MAPPING FOR postgres SERVER shard OPTIONS (user 'postgres')");
        for (const dataset of microdataDatasets) {
          const columns = Object.entries(dataset.columns)
            .map(([c, t]) => `${c} ${postgresType(t)}`)
            .join(', ');
          await shard.client.query(`CREATE TABLE ${dataset.name}_shard (${columns})`);
          await coordinator.query(`CREATE TABLE ${dataset.name} (${columns}) PARTITION BY HASH (region_code)`);
          await coordinator.query(
            `CREATE TABLE ${dataset.name}_local PARTITION OF ${dataset.name} FOR VALUES WITH (MODULUS 2, REMAINDER 0)`,
          );
          await coordinator.query(
            `CREATE FOREIGN TABLE ${dataset.name}_remote PARTITION OF ${dataset.name} FOR VALUES WITH (MODULUS 2, REMAINDER 1) SERVER shard OPTIONS (table_name '${dataset.name}_shard')`,
          );
        }
      } finally {
        await coordinator.end();
      }
      // The records, through the coordinator, so that each lands on the server its region hashes to.
      const into = new pg.Client({ connectionString: sharded });
      await into.connect();
      for (const dataset of microdataDatasets) {
        const columns = Object.keys(dataset.columns);
        const { rows } = await postgres.client.query<Record<string, unknown>>(`SELECT ${columns.join(', ')} FROM ${dataset.name}`);
        for (const row of rows)
          await into.query(
            `INSERT INTO ${dataset.name} VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
            columns.map((c) => row[c]),
          );
      }
      await into.end();
      const onShard = Number((await shard.client.query<{ n: string }>('SELECT count(*) AS n FROM patent_records_shard')).rows[0]?.n);
      expect(onShard).toBeGreaterThan(0);
      expect(onShard).toBeLessThan(10);
      const files = await stage(withFiles);
      const across = await stage(withoutFiles, sharded);
      expect(across.problems).toEqual([]);
      const strip = (values: readonly Value[]) => values.map(({ source_file: _, ...v }) => v);
      expect(strip(across.values)).toEqual(strip(files.values));
    } finally {
      await shard.stop();
    }
  }, 60_000);

  test('a dataset both as a file and as a table is refused, as is a database that cannot be reached', async () => {
    const both = await stage(withFiles, url);
    expect(both.problems).toContain(
      'postgres://postgres@/postgres#patent_records: found patent_records both here and as a file of the data directory, expected each dataset from one place: the file or the table',
    );
    const lines: string[] = [];
    const code = await main(
      ['check', withoutFiles, '--microdata', `postgres://postgres@/nosuchdb?host=${encodeURIComponent(postgres.socket)}`],
      (line) => lines.push(line),
      (line) => lines.push(line),
    );
    expect(code).toBe(1);
    expect(lines.join('\n')).toMatch(/postgres:\/\/postgres@\/nosuchdb: found no connection \(database "nosuchdb" does not exist\)/);
    expect(
      await main(
        ['check', withoutFiles, '--microdata', 'mysql://somewhere/db'],
        () => undefined,
        (line) => lines.push(line),
      ),
    ).toBe(2);
  });

  test('a table without a column, or with a value that does not convert, is named with what was expected', async () => {
    const db = 'bad';
    await postgres.client.query(`CREATE DATABASE ${db}`);
    const other = `postgres://postgres@/${db}?host=${encodeURIComponent(postgres.socket)}`;
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: other });
    await client.connect();
    try {
      await client.query('CREATE TABLE transfer_records (patent_id text, region_code text, year integer, kind text)');
      await client.query(
        'CREATE TABLE patent_records (patent_id text, region_code text, filing_year text, type text, grant_year integer, lapse_year integer, high_value integer, pct integer, ipc_class text)',
      );
      await client.query("INSERT INTO patent_records VALUES ('CN1', '110000', 'abc', 'invention', NULL, NULL, 0, 0, 'G06F')");
      const missing = await stage(withoutFiles, other);
      expect(missing.problems).toEqual([
        'postgres://postgres@/bad#transfer_records, column "value": found no column "value" among "patent_id", "region_code", "year", "kind", expected a column "value"',
      ]);
      await client.query('ALTER TABLE transfer_records ADD COLUMN value numeric(18, 2)');
      const unconverted = await stage(withoutFiles, other);
      expect(unconverted.problems).toEqual([
        'postgres://postgres@/bad#patent_records: found a value that does not convert (invalid input syntax for type integer: "abc"), expected columns patent_id (VARCHAR), region_code (VARCHAR), filing_year (INTEGER), type (VARCHAR), grant_year (INTEGER), lapse_year (INTEGER), high_value (INTEGER), pct (INTEGER), ipc_class (VARCHAR)',
      ]);
    } finally {
      await client.end();
    }
  });
});
