import { cp, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formatProblem } from '../../src/lib/InputError.ts';
import { loadDataDir } from '../../src/intake/loadDataDir.ts';
import { microdataCached } from '../../src/microdata/microdataCached.ts';
import { openDatabase, quotedString } from '../../src/database/openDatabase.ts';
import { runStaging } from '../../src/staging/runStaging.ts';

const fixture = fileURLToPath(new URL('../fixtures/microdata/', import.meta.url));
type Value = {
  region_code: string;
  year: number;
  variable: string;
  value: number | null;
  unit: string;
  source_value: number | null;
  source_unit: string;
  source_file: string;
  source_row: number;
  source_column: string;
};

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'ipindex-microdata-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** Copies the fixture into a fresh folder of `work` (so its cache sits in `work`), then lets `change` edit it. */
async function dataDir(name: string, change?: (dir: string) => Promise<void>): Promise<string> {
  const dir = join(work, name, 'data');
  await cp(fixture, dir, { recursive: true });
  await change?.(dir);
  return dir;
}

/** Reads a data directory and runs staging; returns the microdata values, the problems and what was cached. */
async function stage(dir: string, label = 'data') {
  const data = await loadDataDir(dir, label);
  const db = await openDatabase();
  try {
    const problems = [...data.problems, ...(await runStaging(db, data))];
    const values = await db.query<Value>('SELECT * FROM observations WHERE source_row = 0 ORDER BY variable, region_code, year');
    const cached = (await microdataCached(data.microdata)) ?? [];
    return { data, values, problems: problems.map(formatProblem), cached };
  } finally {
    db.close();
  }
}

/** The files of the cache beside a data directory that hold `dataset`, by what follows its version. */
async function cacheFiles(dir: string, dataset: string): Promise<string[]> {
  const files = await readdir(join(dir, '..', '.ipindex-cache')).catch(() => []);
  return files
    .filter((f) => f.startsWith(`${dataset}.`))
    .map((f) => f.replace(/^[a-z_]+\.v3-[0-9a-f]{12}\./, ''))
    .sort();
}

const pick = (values: readonly Value[], variable: string) =>
  Object.fromEntries(values.filter((v) => v.variable === variable).map((v) => [`${v.region_code}/${v.year}`, v.value]));

// Hand-worked from test/fixtures/microdata (see its README), years 2020 and 2021 (those of economy.csv).
const expected = {
  // Inventions filed: BJ CN4 (2020), CN6 (2021); TJ CN8 (发明, 2020), CN9 (2021); XZ none.
  invention_applications: { '110000/2020': 1, '110000/2021': 1, '120000/2020': 1, '120000/2021': 1, '540000/2020': 0, '540000/2021': 0 },
  // PCT: CN4 filed 2020 (CN1 was filed in 2017).
  pct_applications: { '110000/2020': 1, '110000/2021': 0, '120000/2020': 0, '120000/2021': 0, '540000/2020': 0, '540000/2021': 0 },
  // Grants: BJ CN2, CN3 (2020), CN5, CN6 (2021); TJ CN8 (2021; CN7 in 2019); XZ CN10 (2021).
  patent_grants: { '110000/2020': 2, '110000/2021': 2, '120000/2020': 0, '120000/2021': 1, '540000/2020': 0, '540000/2021': 1 },
  invention_grants: { '110000/2020': 1, '110000/2021': 1, '120000/2020': 0, '120000/2021': 1, '540000/2020': 0, '540000/2021': 0 },
  // In force at year end: BJ 2020 CN1, CN2, CN3; 2021 CN1, CN3, CN5, CN6 (CN2 lapsed in 2021).
  // TJ 2020 none (CN7 granted 2019, lapsed 2020); 2021 CN8. XZ 2021 CN10.
  patents_in_force: { '110000/2020': 3, '110000/2021': 4, '120000/2020': 0, '120000/2021': 1, '540000/2020': 0, '540000/2021': 1 },
  invention_in_force: { '110000/2020': 2, '110000/2021': 2, '120000/2020': 0, '120000/2021': 1, '540000/2020': 0, '540000/2021': 0 },
  high_value_in_force: { '110000/2020': 1, '110000/2021': 2, '120000/2020': 0, '120000/2021': 0, '540000/2020': 0, '540000/2021': 0 },
  // Recordals: BJ 1 (2020), 2 (2021, one 转让); TJ 1 (license), 1 (许可); XZ none: missing, not 0.
  patent_transfers_licences: { '110000/2020': 1, '110000/2021': 2, '120000/2020': 1, '120000/2021': 1 },
  // Stated values only: BJ 2021 is 30 (CN2's recordal states none).
  patent_transfer_value: { '110000/2020': 120.5, '110000/2021': 30, '120000/2020': 10.25, '120000/2021': 5 },
  // Entries of patent_ids: BJ 2 (PL1), 1 + 3 (PL2, PL4); TJ 0 in 2020, 1 in 2021.
  pledged_patents: { '110000/2020': 2, '110000/2021': 4, '120000/2020': 0, '120000/2021': 1 },
  // 万元 to 亿元: BJ 500 -> 0.05, 250.5 + 1000 -> 0.12505; TJ 0, 80 -> 0.008.
  pledge_amount: { '110000/2020': 0.05, '110000/2021': 0.12505, '120000/2020': 0, '120000/2021': 0.008 },
};

describe('microdata aggregation (queries/microdata)', () => {
  let csv: Awaited<ReturnType<typeof stage>>;
  beforeAll(async () => {
    csv = await stage(await dataDir('csv'));
  });

  test('counts patent, transfer and pledge records into the codebook variables, by hand', () => {
    expect(csv.problems).toEqual([]);
    for (const [variable, values] of Object.entries(expected)) {
      const found = pick(csv.values, variable);
      expect(Object.keys(found).sort(), variable).toEqual(Object.keys(values).sort());
      for (const [key, value] of Object.entries(values)) expect(found[key], `${variable} ${key}`).toBeCloseTo(value, 12);
    }
  });

  test('keeps the years of the other files, the codebook variables only, and says where each value came from', () => {
    expect([...new Set(csv.values.map((v) => v.year))]).toEqual([2020, 2021]);
    expect(csv.values.some((v) => v.variable === 'patent_assignments')).toBe(false); // not declared in variables.csv
    const pledge = csv.values.find((v) => v.variable === 'pledge_amount' && v.region_code === '110000' && v.year === 2020);
    expect(pledge).toMatchObject({
      unit: '亿元',
      source_value: 500,
      source_unit: '万元',
      source_file: 'data/pledge_records.csv',
      source_row: 0,
      source_column: 'sum of amount, by year',
    });
    const inputs = csv.data.inputs.filter((i) => i.role === 'microdata');
    expect(inputs.map((i) => [i.file, i.rows, i.values])).toEqual([
      ['data/patent_records.csv', 10, 42],
      ['data/pledge_records.csv', 4, 8],
      ['data/transfer_records.csv', 5, 8],
    ]);
  });

  test('reads a Parquet file and hive-partitioned Parquet (by year and region) to the same aggregates', async () => {
    const db = await openDatabase();
    const parquet = await dataDir('parquet', async (dir) => {
      await db.exec(
        `COPY (SELECT * FROM read_csv(${quotedString(join(dir, 'patent_records.csv'))}, all_varchar = true)) TO ${quotedString(join(dir, 'patent_records.parquet'))} (FORMAT parquet)`,
      );
      await rm(join(dir, 'patent_records.csv'));
    });
    const hive = await dataDir('hive', async (dir) => {
      for (const [dataset, year] of [
        ['patent_records', 'filing_year'],
        ['transfer_records', 'year'],
        ['pledge_records', 'year'],
      ] as const) {
        await db.exec(
          `COPY (SELECT * FROM read_csv(${quotedString(join(dir, `${dataset}.csv`))})) TO ${quotedString(join(dir, dataset))} (FORMAT parquet, PARTITION_BY (${year}, region_code))`,
        );
        await rm(join(dir, `${dataset}.csv`));
      }
    });
    db.close();
    const fromParquet = await stage(parquet);
    const fromHive = await stage(hive);
    const strip = (values: readonly Value[]) => values.map(({ source_file: _, ...v }) => v);
    expect(fromParquet.problems).toEqual([]);
    expect(fromHive.problems).toEqual([]);
    expect(strip(fromParquet.values)).toEqual(strip(csv.values));
    expect(strip(fromHive.values)).toEqual(strip(csv.values));
    expect(fromHive.data.inputs.find((i) => i.role === 'microdata' && i.file === 'data/patent_records/')?.rows).toBe(10);
  });

  test('a first build reads the CSV and then caches, under its SHA-256, the records and the cube as Parquet', async () => {
    const dir = await dataDir('cache');
    const first = await stage(dir);
    const sha = (file: string) => first.data.inputs.find((i) => i.file === file)?.sha256 ?? '';
    expect(first.problems).toEqual([]);
    expect(first.cached).toEqual([
      'data/patent_records.csv: records and patent_cube cached as Parquet',
      'data/pledge_records.csv: records cached as Parquet',
      'data/transfer_records.csv: records cached as Parquet',
    ]);
    const file = await stat(join(dir, 'patent_records.csv'), { bigint: true });
    expect(await cacheFiles(dir, 'patent_records')).toEqual([
      `${file.size}-${file.mtimeNs}-${file.ctimeNs}-${file.ino}.sha256`,
      `${sha('data/patent_records.csv')}.cube.parquet`,
      `${sha('data/patent_records.csv')}.parquet`,
    ]);
    expect((await cacheFiles(dir, 'transfer_records')).filter((f) => f.endsWith('.parquet'))).toEqual([
      `${sha('data/transfer_records.csv')}.parquet`,
    ]);

    const version = (await readdir(join(dir, '..', '.ipindex-cache'))).find((f) => f.endsWith('.cube.parquet'))?.split('.')[1] ?? '';
    const copy = (suffix: string) =>
      join(dir, '..', '.ipindex-cache', `patent_records.${version}.${sha('data/patent_records.csv')}${suffix}`);
    const db = await openDatabase();
    // The copies hold what the CSV holds: its 10 records, in the fixture's 10 groups.
    const [counts] = await db.query<{ records: bigint; groups: bigint; summed: bigint }>(
      `SELECT (SELECT count(*) FROM read_parquet(${quotedString(copy('.parquet'))})) AS records, count(*) AS groups, sum(records) AS summed FROM read_parquet(${quotedString(copy('.cube.parquet'))})`,
    );
    expect(counts).toEqual({ records: 10n, groups: 10n, summed: 10n });

    // A second build of the same content gives the same bytes and writes nothing.
    const second = await stage(dir);
    expect(second.cached).toEqual([]);
    expect(JSON.stringify(second.values)).toBe(JSON.stringify(first.values));
    expect(second.data.inputs.filter((i) => i.role === 'microdata').map((i) => [i.file, i.sha256, i.rows, i.values])).toEqual(
      first.data.inputs.filter((i) => i.role === 'microdata').map((i) => [i.file, i.sha256, i.rows, i.values]),
    );

    // Proof that it reads the cube's copy and not the records': the records' copy without CN1
    // changes nothing; the cube's copy without CN1's group (the only one filed in 2017) does.
    const records = await db.query<{ n: bigint }>(`SELECT count(*) AS n FROM read_parquet(${quotedString(copy('.parquet'))})`);
    await db.exec(
      `COPY (SELECT * FROM read_parquet(${quotedString(copy('.parquet'))}) WHERE patent_id <> 'CN1') TO ${quotedString(`${copy('.parquet')}.new`)} (FORMAT parquet)`,
    );
    await db.exec(
      `COPY (SELECT * FROM read_parquet(${quotedString(copy('.cube.parquet'))}) WHERE filing_year <> 2017) TO ${quotedString(`${copy('.cube.parquet')}.new`)} (FORMAT parquet)`,
    );
    db.close();
    expect(records).toEqual([{ n: 10n }]);
    await cp(`${copy('.parquet')}.new`, copy('.parquet'));
    const third = await stage(dir);
    expect(JSON.stringify(third.values)).toBe(JSON.stringify(first.values));
    await cp(`${copy('.cube.parquet')}.new`, copy('.cube.parquet'));
    const fourth = await stage(dir);
    expect(pick(first.values, 'high_value_in_force')['110000/2021']).toBe(2);
    expect(pick(fourth.values, 'high_value_in_force')['110000/2021']).toBe(1); // CN6 only
    expect(fourth.data.inputs.find((i) => i.file === 'data/patent_records.csv')?.rows).toBe(9);
  });

  test('a copy found by size and time is used only if the hash agrees: an edit that keeps both is converted anew', async () => {
    const dir = await dataDir('same-size');
    const csvPath = join(dir, 'patent_records.csv');
    const first = await stage(dir);
    const before = await stat(csvPath);
    // CN1 loses its high-value flag: same bytes, same size; the time is set back as it was.
    const text = await readFile(csvPath, 'utf8');
    await writeFile(csvPath, text.replace('CN1,110000,2017,invention,2019,,1,1,H04L', 'CN1,110000,2017,invention,2019,,0,1,H04L'));
    await utimes(csvPath, before.atime, before.mtime);
    expect((await stat(csvPath)).size).toBe(before.size);
    const second = await stage(dir);
    expect(pick(first.values, 'high_value_in_force')['110000/2021']).toBe(2);
    expect(pick(second.values, 'high_value_in_force')['110000/2021']).toBe(1); // CN6 only
    const sha = (run: typeof first) => run.data.inputs.find((i) => i.file === 'data/patent_records.csv')?.sha256;
    expect(sha(second)).toMatch(/^[0-9a-f]{64}$/);
    expect(sha(second)).not.toBe(sha(first));
  });

  test("a settled note is trusted without hashing; a note younger than the file's last change is checked against the hash", async () => {
    const dir = await dataDir('settled');
    const first = await stage(dir);
    const sha = (run: typeof first) => run.data.inputs.find((i) => i.file === 'data/patent_records.csv')?.sha256 ?? '';
    const cacheDir = join(dir, '..', '.ipindex-cache');
    const files = (await readdir(cacheDir)).filter((f) => f.startsWith('patent_records.'));
    const note = join(cacheDir, files.find((f) => f.endsWith('.sha256')) ?? '');
    const { ctimeMs } = await stat(join(dir, 'patent_records.csv'));
    // A note that names other content, with copies under that name (those of the real content):
    // a build that trusts the note reports the other content's hash; one that hashes, the real.
    const other = 'f'.repeat(64);
    for (const f of files.filter((f) => f.includes(sha(first)))) await cp(join(cacheDir, f), join(cacheDir, f.replace(sha(first), other)));
    const lie = (startedAt: number) => writeFile(note, `${other} ${Math.round(startedAt)}\n`);

    // Hashed at the moment the file last changed: the file could have changed under the hash.
    await lie(ctimeMs);
    const racy = await stage(dir);
    expect(sha(racy)).toBe(sha(first));
    expect(JSON.stringify(racy.values)).toBe(JSON.stringify(first.values));

    // Hashed 5 s after the file's last change: settled, so the note is believed as it stands.
    await lie(ctimeMs + 5000);
    const settled = await stage(dir);
    expect(sha(settled)).toBe(other);
    expect(settled.cached).toEqual([]);
    expect(JSON.stringify(settled.values)).toBe(JSON.stringify(first.values));

    // A note that the hash confirms is written again with this build's hash, which settles it
    // once the file is older than the margin.
    await writeFile(note, `${sha(first)} ${Math.round(ctimeMs)}\n`);
    const before = Date.now();
    const confirmed = await stage(dir);
    expect(sha(confirmed)).toBe(sha(first));
    const [noted, startedAt] = (await readFile(note, 'utf8')).trim().split(' ');
    expect(noted).toBe(sha(first));
    expect(Number(startedAt)).toBeGreaterThanOrEqual(before);
  });
});

describe('microdata problems', () => {
  test('a row that does not fit its types is reported with its row and column, and nothing is cached', async () => {
    const dir = await dataDir('bad-cells', async (d) => {
      const text = await readFile(join(d, 'patent_records.csv'), 'utf8');
      await writeFile(
        join(d, 'patent_records.csv'),
        text
          .replace('CN3,110000,2020,', 'CN3,110000,20x0,')
          .replace('CN9,120000,2021,invention,,,0,0,G01N', 'CN9,120000,2021,invention,,,0,yes,G01N'),
      );
    });
    const { problems, cached, data } = await stage(dir);
    expect(problems).toEqual([
      'data/patent_records.csv, row 4, column "filing_year": found "20x0", expected a year such as 2020',
      'data/patent_records.csv, row 10, column "pct": found "yes", expected 1 or 0',
    ]);
    // The 8 readable records are counted all the same; the other files are cached as usual.
    expect(data.inputs.find((i) => i.file === 'data/patent_records.csv')?.rows).toBe(8);
    expect(cached).toEqual(['data/pledge_records.csv: records cached as Parquet', 'data/transfer_records.csv: records cached as Parquet']);
    expect(await cacheFiles(dir, 'patent_records')).toEqual([]);
    expect(await cacheFiles(dir, 'transfer_records')).toHaveLength(2);
  });

  test('records that cannot be counted are reported by kind, with how many and the first id', async () => {
    const dir = await dataDir('bad-records', async (d) => {
      await writeFile(
        join(d, 'patent_records.csv'),
        [
          'patent_id,region_code,filing_year,type,grant_year,lapse_year,high_value,pct,ipc_class',
          'CN1,110000,2020,invention,2021,,1,0,H04L',
          'CN2,999999,2020,invention,,,0,0,H04L',
          'CN3,999999,2020,utility,,,0,0,H04L',
          'CN4,110000,2020,plant,,,0,0,A01H',
          'CN5,110000,2020,utility,2019,,0,0,B65D',
          'CN6,110000,2018,utility,2019,2018,0,0,B65D',
          'CN7,110000,2018,design,,2020,0,0,',
          'CN8,110000,2018,invention,2020,,3,0,G06F',
        ].join('\n'),
      );
      await writeFile(join(d, 'pledge_records.csv'), 'pledge_id,patent_ids,region_code,year,amount\nPL1,,110000,2020,-5\n');
      await writeFile(join(d, 'transfer_records.csv'), 'patent_id,region_code,year,kind,value\nCN1,110000,2020,gift,\n');
    });
    const { problems } = await stage(dir);
    // The second run reads the cached cube, which keeps the first patent_id of every group.
    expect((await stage(dir)).problems).toEqual(problems);
    expect(problems).toEqual([
      'data/patent_records.csv, column "grant_year": found a grant year before the filing year in 1 record (the first: patent_id CN5), expected a grant year in or after the filing year, or empty if not granted',
      'data/patent_records.csv, column "high_value": found the flag "3" in 1 record (the first: patent_id CN8), expected 1 or 0',
      'data/patent_records.csv, column "lapse_year": found a lapse year before the grant year in 1 record (the first: patent_id CN6), expected a lapse year in or after the grant year, or empty if in force',
      'data/patent_records.csv, column "lapse_year": found a lapse year for a patent never granted in 1 record (the first: patent_id CN7), expected a lapse year in or after the grant year, or empty if in force',
      'data/patent_records.csv, column "region_code": found the region code "999999" in 2 records (the first: patent_id CN2), expected a region_code listed in regions.csv',
      'data/patent_records.csv, column "type": found the type "plant" in 1 record (the first: patent_id CN4), expected invention, utility or design (发明, 实用新型, 外观设计)',
      'data/pledge_records.csv, column "patent_ids": found no pledged patent in 1 record (the first: pledge_id PL1), expected the pledged patents\' ids, separated by ";"',
      'data/transfer_records.csv, column "kind": found the kind "gift" in 1 record (the first: patent_id CN1), expected assignment or licence (转让, 许可)',
    ]);
  });

  test('a missing column is reported in row 1, like any other file', async () => {
    const dir = await dataDir('bad-header', async (d) => {
      await writeFile(join(d, 'transfer_records.csv'), 'patent_id,region,year,kind,value\nCN1,110000,2020,assignment,1\n');
    });
    const { problems } = await stage(dir);
    expect(problems).toEqual([
      'data/transfer_records.csv, row 1, column "region_code": found no column "region_code" among "patent_id", "region", "year", "kind", "value", expected a column "region_code"',
    ]);
  });
});

describe('portability of the aggregation SQL', () => {
  test('the aggregation files use no DuckDB-only syntax (README, "Microdata and scale")', async () => {
    const duckdbOnly = [
      /::/,
      /getvariable/i,
      /read_(csv|parquet|json)/i,
      /GROUP BY ALL/i,
      /\bQUALIFY\b/i,
      /\bPIVOT\b/i,
      /\bEXCLUDE\b/i,
      /COLUMNS\(/i,
      /\blist_/i,
      /\bstruct/i,
      /\bSELECT \*/i,
      /\bifnull\b/i,
      /\biif\b/i,
    ];
    for (const file of [
      '15_patent_cube.sql',
      '20_patent_yearly.sql',
      '21_patent_aggregates.sql',
      '22_transfer_yearly.sql',
      '23_transfer_aggregates.sql',
      '24_pledge_yearly.sql',
      '25_pledge_aggregates.sql',
    ]) {
      const sql = (await readFile(fileURLToPath(new URL(`../../queries/microdata/${file}`, import.meta.url)), 'utf8')).replace(
        /--.*$/gm,
        '',
      );
      for (const pattern of duckdbOnly) expect(sql, `${file} uses ${pattern}`).not.toMatch(pattern);
      expect(sql).toMatch(/GROUP BY region_code|PARTITION BY|CROSS JOIN/);
    }
  });
});
