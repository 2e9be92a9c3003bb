import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { formatProblem } from '../../src/lib/InputError.ts';
import { countValues } from '../../src/intake/countValues.ts';
import { loadDataDir } from '../../src/intake/loadDataDir.ts';
import { openDatabase, type Database } from '../../src/database/openDatabase.ts';

// test/fixtures/tiny by hand: economy.csv has 8 rows, one a zone total left out, so 7 rows x
// 2 variables = 14 values (2 of them 全国); patents.csv and rd.csv have 8 values each (2 全国).
const perFile = [
  { source_file: 'data/economy.csv', n: 14 },
  { source_file: 'data/patents.csv', n: 8 },
  { source_file: 'data/rd.csv', n: 8 },
];

describe('intake with a database streams the observations into observations_raw', () => {
  let dir = '';
  let db: Database;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ipindex-stream-'));
    await cp('test/fixtures/tiny', dir, { recursive: true });
    db = await openDatabase();
  });
  afterEach(async () => {
    db.close();
    await rm(dir, { recursive: true, force: true });
  });
  const staged = () =>
    db.query('SELECT source_file, count(*)::INTEGER AS n FROM observations_raw GROUP BY source_file ORDER BY source_file');

  test('holds none in memory, counts 30 values of which 6 national, and stages the same rows as reading into memory', async () => {
    const data = await loadDataDir(dir, 'data', db);
    expect(data.observations).toEqual([]);
    expect(data.streamed).toEqual({ values: 30, national: 6 });
    expect(countValues(data)).toBe(30);
    expect(data.inputs.filter((i) => i.role === 'observations').map((i) => i.values)).toEqual([14, 8, 8]);
    expect(await staged()).toEqual(perFile);

    const inMemory = await loadDataDir(dir, 'data');
    expect(countValues(inMemory)).toBe(30);
    const key = (r: { source_file: unknown; source_row: unknown; source_column: unknown; source_value: unknown; source_unit: unknown }) =>
      `${String(r.source_file)}|${String(r.source_row)}|${String(r.source_column)}|${String(r.source_value)}|${String(r.source_unit)}`;
    const rows = await db.query<{
      source_file: string;
      source_row: number;
      source_column: string;
      source_value: number | null;
      source_unit: string;
    }>('SELECT source_file, source_row, source_column, source_value, source_unit FROM observations_raw');
    expect(rows.map(key).sort()).toEqual(inMemory.observations.map(key).sort());
    // The thousands separator of "40,000" (economy.csv, row 2) was read as a number.
    expect(rows.find((r) => r.source_file === 'data/economy.csv' && r.source_row === 2 && r.source_column === 'gdp')?.source_value).toBe(
      40000,
    );
  });

  test('a file found not to be CSV part-way leaves none of its rows behind', async () => {
    // Two good rows, then a quote that is never closed: csv-parse only says so at the end.
    await writeFile(join(dir, 'broken.csv'), 'region_code,year,gdp\n110000,2020,1\n120000,2020,2\n540000,2020,"3\n');
    const data = await loadDataDir(dir, 'data', db);
    expect(data.problems.map(formatProblem)).toEqual([
      'data/broken.csv, row 4: found text that is not CSV (a quote that is never closed), expected a CSV text file (UTF-8 or GBK) with a header row',
    ]);
    expect(data.streamed).toEqual({ values: 30, national: 6 });
    expect(await staged()).toEqual(perFile);
  });

  test('a file wrong on every row keeps its first 1,001 problems and a note, not one per row', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `nowhere${i},2020,1`);
    await writeFile(join(dir, 'wrong.csv'), `region_code,year,gdp\n${rows.join('\n')}\n`);
    const data = await loadDataDir(dir, 'data', db);
    const wrong = data.problems.filter((p) => p.file === 'data/wrong.csv');
    expect(wrong).toHaveLength(1002);
    expect(formatProblem(wrong[0]!)).toContain('row 2, column "region_code": found the unknown region "nowhere0"');
    expect(formatProblem(wrong[1001]!)).toBe(
      'data/wrong.csv, row 1002: found more than 1000 problems, so the rows below were not checked, expected a file of observations (is it the right file?)',
    );
    expect(await staged()).toEqual(perFile);
  });
});
