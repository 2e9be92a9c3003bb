import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDatabase, type Cell, type Database } from '../../src/database/openDatabase.ts';
import { runQuery } from '../../src/database/runQueries.ts';
import { startPostgres, type Postgres } from './startPostgres.ts';

// The portable SQL of the microdata aggregation (queries/microdata/1* and 2*: README, "Larger
// than one machine") as a tested contract: run unchanged on a real PostgreSQL server over the
// same records, it gives exactly DuckDB's aggregates. Whenever those files change, this test
// runs them on both engines. The records sit in the tables the typed views read
// (<dataset>_source; the build points them at a CSV, Parquet or a warehouse's table).

const portable = [
  '10_patent_records.sql',
  '11_transfer_records.sql',
  '12_pledge_records.sql',
  '15_patent_cube.sql',
  '20_patent_yearly.sql',
  '21_patent_aggregates.sql',
  '22_transfer_yearly.sql',
  '23_transfer_aggregates.sql',
  '24_pledge_yearly.sql',
  '25_pledge_aggregates.sql',
];

/** Seeded records as the typed views (10_ to 12_*_records.sql) give them: missing years, lapses, Chinese-free labels. */
function records() {
  let seed = 20261207;
  const random = () => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
  const regions = ['110000', '310000', '440000', '540000', '650000'];
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const patents: Cell[][] = [];
  for (let i = 0; i < 6000; i++) {
    const filed = 2010 + Math.floor(random() * 12);
    const granted = random() < 0.6 ? filed + 1 + Math.floor(random() * 3) : null;
    const lapsed = granted !== null && random() < 0.3 ? granted + 1 + Math.floor(random() * 6) : null;
    const type = pick(['invention', 'utility', 'design']);
    patents.push([
      `P${i}`,
      pick(regions),
      random() < 0.01 ? null : filed,
      type,
      granted,
      lapsed,
      type === 'invention' && random() < 0.2 ? 1 : 0,
      random() < 0.05 ? 1 : 0,
      pick(['A61K', 'G06F', 'H04L']),
    ]);
  }
  const transfers: Cell[][] = [];
  for (let i = 0; i < 1500; i++)
    transfers.push([
      `P${Math.floor(random() * 6000)}`,
      pick(regions),
      random() < 0.01 ? null : 2012 + Math.floor(random() * 10),
      pick(['assignment', 'licence']),
      (Math.round(random() * 1e6) / 100).toFixed(2),
    ]);
  const pledges: Cell[][] = [];
  for (let i = 0; i < 400; i++) {
    const ids = Array.from({ length: 1 + Math.floor(random() * 4) }, () => `P${Math.floor(random() * 6000)}`).join(';');
    pledges.push([
      `G${i}`,
      ids,
      pick(regions),
      random() < 0.01 ? null : 2013 + Math.floor(random() * 9),
      (Math.round(random() * 5e7) / 100).toFixed(2),
    ]);
  }
  return { patents, transfers, pledges };
}

// The record tables, typed as the views type them, in each engine's words.
const recordTables = (text: string, integer: string, money: string, float: string) => `
  CREATE TABLE patent_records_source (patent_id ${text}, region_code ${text}, filing_year ${integer}, type ${text}, grant_year ${integer}, lapse_year ${integer}, high_value ${integer}, pct ${integer}, ipc_class ${text});
  CREATE TABLE transfer_records_source (patent_id ${text}, region_code ${text}, year ${integer}, kind ${text}, value ${money});
  CREATE TABLE pledge_records_source (pledge_id ${text}, patent_ids ${text}, region_code ${text}, year ${integer}, amount ${money});
  ${['patent', 'transfer', 'pledge'].map((d) => `CREATE TABLE ${d}_aggregates (region_code ${text} NOT NULL, year ${integer} NOT NULL, variable ${text} NOT NULL, value ${float}, unit ${text} NOT NULL, source_column ${text} NOT NULL);`).join('\n')}`;

type Aggregate = { region_code: string; year: number; variable: string; value: number | null; unit: string; source_column: string };
const ordered = (table: string) =>
  `SELECT region_code, year, variable, value, unit, source_column FROM ${table} ORDER BY region_code, year, variable`;

let postgres: Postgres;
let duck: Database;
const data = records();

/** Inserts rows into a table of a PostgreSQL server, 500 to a statement. */
async function insertRows(postgres: Postgres, table: string, rows: Cell[][]): Promise<void> {
  const width = rows[0]!.length;
  for (let at = 0; at < rows.length; at += 500) {
    const chunk = rows.slice(at, at + 500);
    await postgres.client.query(
      `INSERT INTO ${table} VALUES ${chunk.map((_, i) => `(${Array.from({ length: width }, (_, j) => `$${i * width + j + 1}`).join(', ')})`).join(', ')}`,
      chunk.flat(),
    );
  }
}

beforeAll(async () => {
  postgres = await startPostgres();
  duck = await openDatabase();
  await duck.exec(recordTables('VARCHAR', 'INTEGER', 'DECIMAL(18, 2)', 'DOUBLE'));
  await duck.append('patent_records_source', data.patents);
  await duck.append(
    'transfer_records_source',
    data.transfers.map((r) => [...r.slice(0, 4), Number(r[4])]),
  );
  await duck.append(
    'pledge_records_source',
    data.pledges.map((r) => [...r.slice(0, 4), Number(r[4])]),
  );
  for (const file of portable) await runQuery(duck, `microdata/${file}`);

  const { client } = postgres;
  await client.query(recordTables('text', 'integer', 'numeric(18, 2)', 'double precision'));
  await insertRows(postgres, 'patent_records_source', data.patents);
  await insertRows(postgres, 'transfer_records_source', data.transfers);
  await insertRows(postgres, 'pledge_records_source', data.pledges);
  // The files as they are, one after the other, as a warehouse would be given them.
  for (const file of portable) await client.query(await readFile(`queries/microdata/${file}`, 'utf8'));
}, 120_000);

afterAll(async () => {
  duck?.close();
  await postgres?.stop();
});

describe('the portable microdata SQL on PostgreSQL', () => {
  test.each(['patent_aggregates', 'transfer_aggregates', 'pledge_aggregates'])('%s: exactly the aggregates DuckDB gives', async (table) => {
    const fromDuck = await duck.query<Aggregate>(ordered(table));
    const fromPostgres = (await postgres.client.query<Aggregate>(ordered(table))).rows;
    expect(fromDuck.length).toBeGreaterThan(50);
    expect(fromPostgres).toEqual(fromDuck.map((r) => ({ ...r, year: Number(r.year) })));
  });

  test('the stocks are the running sums of grants minus lapses, as counted here', async () => {
    // Beijing's invention patents in force at the end of 2018, counted record by record.
    const inForce = data.patents.filter(
      (p) =>
        p[1] === '110000' &&
        p[3] === 'invention' &&
        p[4] !== null &&
        (p[4] as number) <= 2018 &&
        (p[5] === null || (p[5] as number) > 2018),
    ).length;
    const { rows } = await postgres.client.query<{ value: number }>(
      "SELECT value FROM patent_aggregates WHERE region_code = '110000' AND year = 2018 AND variable = 'invention_in_force'",
    );
    expect(rows[0]?.value).toBe(inForce);
  });
});

// The same files on a sharded warehouse: the record tables hash-partitioned by region across two
// PostgreSQL servers, one partition on the coordinator and one on a shard reached through
// postgres_fdw, with partitionwise aggregation on, so that each server groups its own rows and
// only the aggregates cross (every grouping of the portable SQL includes region_code, the key).
describe('the portable microdata SQL on two PostgreSQL servers (postgres_fdw, partitionwise)', () => {
  let coordinator: Postgres;
  let shard: Postgres;
  const columns = {
    patent_records_source:
      'patent_id text, region_code text, filing_year integer, type text, grant_year integer, lapse_year integer, high_value integer, pct integer, ipc_class text',
    transfer_records_source: 'patent_id text, region_code text, year integer, kind text, value numeric(18, 2)',
    pledge_records_source: 'pledge_id text, patent_ids text, region_code text, year integer, amount numeric(18, 2)',
  };

  beforeAll(async () => {
    [coordinator, shard] = await Promise.all([startPostgres(), startPostgres()]);
    for (const [table, definition] of Object.entries(columns)) await shard.client.query(`CREATE TABLE ${table}_shard (${definition})`);
    const c = coordinator.client;
    await c.query('CREATE EXTENSION postgres_fdw');
    await c.query(`CREATE SERVER shard FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host '${shard.socket}', dbname 'postgres')`);
    await c.query("CREATE USER MAPPING FOR postgres SERVER shard OPTIONS (user 'postgres')");
    for (const [table, definition] of Object.entries(columns)) {
      await c.query(`CREATE TABLE ${table} (${definition}) PARTITION BY HASH (region_code)`);
      await c.query(`CREATE TABLE ${table}_local PARTITION OF ${table} FOR VALUES WITH (MODULUS 2, REMAINDER 0)`);
      await c.query(
        `CREATE FOREIGN TABLE ${table}_remote PARTITION OF ${table} FOR VALUES WITH (MODULUS 2, REMAINDER 1) SERVER shard OPTIONS (table_name '${table}_shard')`,
      );
    }
    await c.query(
      ['patent', 'transfer', 'pledge']
        .map(
          (d) =>
            `CREATE TABLE ${d}_aggregates (region_code text NOT NULL, year integer NOT NULL, variable text NOT NULL, value double precision, unit text NOT NULL, source_column text NOT NULL);`,
        )
        .join('\n'),
    );
    await insertRows(coordinator, 'patent_records_source', data.patents);
    await insertRows(coordinator, 'transfer_records_source', data.transfers);
    await insertRows(coordinator, 'pledge_records_source', data.pledges);
    await c.query('SET enable_partitionwise_aggregate = on');
    for (const file of portable) await c.query(await readFile(`queries/microdata/${file}`, 'utf8'));
  }, 120_000);

  afterAll(async () => {
    await coordinator?.stop();
    await shard?.stop();
  });

  test('the records lie on both servers, and the shard groups its own', async () => {
    const onShard = Number((await shard.client.query<{ n: string }>('SELECT count(*) AS n FROM patent_records_source_shard')).rows[0]?.n);
    const onCoordinator = Number(
      (await coordinator.client.query<{ n: string }>('SELECT count(*) AS n FROM patent_records_source_local')).rows[0]?.n,
    );
    expect(onShard).toBeGreaterThan(0);
    expect(onCoordinator).toBeGreaterThan(0);
    expect(onShard + onCoordinator).toBe(data.patents.length);
    // The cube's grouping is sent to the shard as SQL (a Foreign Scan whose remote query groups).
    const cube = (await readFile('queries/microdata/15_patent_cube.sql', 'utf8'))
      .replace(/--.*$/gm, '')
      .replace(/CREATE TABLE patent_cube AS/, '');
    const plan = (await coordinator.client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (VERBOSE) ${cube}`)).rows
      .map((r) => r['QUERY PLAN'])
      .join('\n');
    expect(plan).toMatch(/Remote SQL: SELECT .* FROM public\.patent_records_source_shard GROUP BY/);
  });

  test.each(['patent_aggregates', 'transfer_aggregates', 'pledge_aggregates'])('%s: exactly the aggregates DuckDB gives', async (table) => {
    const fromDuck = await duck.query<Aggregate>(ordered(table));
    const fromShards = (await coordinator.client.query<Aggregate>(ordered(table))).rows;
    expect(fromShards).toEqual(fromDuck.map((r) => ({ ...r, year: Number(r.year) })));
  });
});
