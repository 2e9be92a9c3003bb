import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { formatProblem, InputError } from '../../src/lib/InputError.ts';
import { nationalCode } from '../../src/lib/types.ts';
import { main } from '../../src/cli/cli.ts';
import { openDatabase } from '../../src/database/openDatabase.ts';
import { selectQuery } from '../../src/database/runQueries.ts';
import { runAccounts } from '../../src/accounts/runAccounts.ts';
import { runStaging } from '../../src/staging/runStaging.ts';
import { memoryDataDir, type SeriesYear } from './memoryDataDir.ts';

const toy = 'test/accounts/fixtures/toy';

/** A copy of the toy data directory with one file's text changed. */
async function toyWith(file: string, change: (text: string) => string): Promise<string> {
  const dir = join(await mkdtemp(join(tmpdir(), 'ipindex-accounts-')), 'data');
  await cp(toy, dir, { recursive: true });
  await writeFile(join(dir, file), change(await readFile(join(dir, file), 'utf8')));
  return dir;
}

async function runCli(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(
    args,
    (line) => out.push(line),
    (line) => err.push(line),
  );
  return { code, out, err };
}

/** Runs staging and the accounts stage on a data directory held in memory. */
async function accountsOf(units: Record<string, SeriesYear[]>, settings: Record<string, unknown> = {}) {
  const data = memoryDataDir(units, settings);
  const db = await openDatabase();
  try {
    await runStaging(db, data);
    const run = await runAccounts(db, data);
    return { run, db, close: () => db.close() };
  } catch (error) {
    db.close();
    throw error;
  }
}

const flat = (years: number[], rd = 1_000_000, deflator = 100): SeriesYear[] =>
  years.map((year) => ({ year, rd, deflator, gdp: 10_000, fte: 1_000 }));

describe('the national-sum check', () => {
  // The national R&D expenditure of 2021 (rd.csv row 12) is planted at 1,900,000 万元 = 190 亿元,
  // while Beijing 121 + Tianjin 50 + Tibet 1.1 = 172.1 亿元: (172.1 - 190) / 190 = -9.42 %.
  const plant = (text: string) => text.replace('全国,2021,1721000,32500', '全国,2021,1900000,32500');

  test('catches a planted error in a national row and names its cell (exit code 1)', async () => {
    const dir = await toyWith('rd.csv', plant);
    const out = join(dir, '..', 'out');
    const { code, err } = await runCli(['build', dir, '--out', out, '--no-site']);
    expect(code).toBe(1);
    expect(err).toEqual([
      'ipindex: the input has 1 problem; nothing was written:',
      `  ${join(dir, 'rd.csv')}, row 12, column "rd_expenditure": found a national R&D capital formation (from rd_expenditure) of 190.00 亿元 in 2021, while the 3 regions add up to 172.10 亿元 (-9.42 %), expected regions adding up to the national row within 0.50 % (${join(dir, 'method.yaml')}: accounts.national_check.tolerance; on_break: footnote publishes the difference as a footnote instead)`,
    ]);
  });

  test('with on_break: footnote, publishes the break as a flagged footnote instead', async () => {
    const dir = await toyWith('rd.csv', plant);
    await writeFile(join(dir, 'method.yaml'), 'accounts:\n  growth_years: 2\n  national_check:\n    on_break: footnote\n');
    const out = join(dir, '..', 'out');
    const { code } = await runCli(['build', dir, '--out', out, '--no-site']);
    expect(code).toBe(0);
    const manifest = JSON.parse(await readFile(join(out, 'data', 'manifest.json'), 'utf8'));
    expect(manifest.accounts.nationalBreaks).toBe(1);
    const table = await readFile(join(out, 'data', 'accounts', 'regions_gfcf_current.csv'), 'utf8');
    expect(table).toContain('\r\n全国 National [a],151,190,197.6\r\n');
    expect(table).toContain(
      '[a] 各地区之和与全国数之差超过0.50%：2021 R&D固定资本形成 -9.42%（地区合计相对全国）。 The regions do not add up to the national row within 0.50%: 2021 GFCF in R&D -9.42% (sum of regions relative to national).',
    );
  });

  test('catches a GDP that does not add up, and accepts a difference within the tolerance', async () => {
    const units = {
      '110000': flat([2020, 2021]),
      '120000': flat([2020, 2021]),
      [nationalCode]: flat([2020, 2021], 2_000_000).map((s) => ({ ...s, gdp: s.year === 2021 ? 20_500 : 20_000 })),
    };
    const error = await accountsOf(units).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).problems.map(formatProblem)).toEqual([
      // Integer-like keys come first in a JS object, so the nation's two years are rows 2 and 3.
      'memory.csv, row 3, column "gdp": found a national GDP of 20,500.00 亿元 in 2021, while the 2 regions add up to 20,000.00 亿元 (-2.44 %), expected regions adding up to the national row within 0.50 % (memory/method.yaml: accounts.national_check.tolerance; on_break: footnote publishes the difference as a footnote instead)',
    ]);
    const within = await accountsOf(units, { national_check: { tolerance: 0.03 } });
    expect(within.run).toMatchObject({ computed: true, nationalBreaks: 0 });
    within.close();
  });
});

describe('the identity check', () => {
  test("finds a row that does not balance and an opening stock that is not last year's closing", async () => {
    const { db, close } = await accountsOf({ '110000': flat([2020, 2021, 2022]) });
    try {
      expect(await selectQuery(db, 'accounts/checks/identity.sql')).toEqual([]);
      await db.exec(
        "UPDATE accounts SET value = value + 1 WHERE region_code = '110000' AND year = 2021 AND item = 'closing_stock' AND price_basis = 'current'",
      );
      // Flat 100 亿元 at d = 0.15: the stock stays at 100 / 0.15 = 666.666667.
      expect(await selectQuery(db, 'accounts/checks/identity.sql')).toEqual([
        {
          region_code: '110000',
          year: 2021,
          price_basis: 'current',
          found: 'closing stock 667.666667 but opening + GFCF - CFC + other changes + revaluation = 666.666667',
          expected: 'closing stock = opening stock + GFCF - CFC + other changes in volume + revaluation',
        },
        {
          region_code: '110000',
          year: 2022,
          price_basis: 'current',
          found: 'opening stock 666.666667 but the closing stock of 2021 is 667.666667',
          expected: "a year's opening stock equal to the previous year's closing stock",
        },
      ]);
    } finally {
      close();
    }
  });
});

describe('breaks in a series', () => {
  test('a missing price index ends the series and is footnoted; subtotals are left blank', async () => {
    const tibet = flat([2020, 2021, 2022, 2023]).map((s) => (s.year === 2022 ? { ...s, deflator: null } : s));
    const late = flat([2020, 2021, 2022, 2023]).map((s) => (s.year === 2020 ? { ...s, rd: null } : s));
    const { run, db, close } = await accountsOf({ '110000': flat([2020, 2021, 2022, 2023]), '120000': late, '130000': tibet });
    try {
      expect(run).toMatchObject({ computed: true, breaks: 2 });
      expect(
        await db.query(
          'SELECT region_code, year, kind, no_expenditure, no_price_index, break_year FROM accounts_breaks ORDER BY region_code, year',
        ),
      ).toEqual([
        { region_code: '120000', year: 2020, kind: 'start', no_expenditure: true, no_price_index: false, break_year: null },
        { region_code: '130000', year: 2022, kind: 'break', no_expenditure: false, no_price_index: true, break_year: null },
        { region_code: '130000', year: 2023, kind: 'after', no_expenditure: false, no_price_index: false, break_year: 2022 },
      ]);
      const years = await db.query<{ year: number }>("SELECT DISTINCT year FROM accounts WHERE region_code = '130000' ORDER BY year");
      expect(years.map((y) => y.year)).toEqual([2020, 2021]);
      const sums = await db.query<{ year: number; value: number | null; regions_given: number }>(
        "SELECT year, value, regions_given FROM accounts_aggregates WHERE aggregate = 'regions' AND item = 'gfcf' AND price_basis = 'current' ORDER BY year",
      );
      // 2020 lacks 120000 and 2022-2023 lack 130000: only 2021 has all three regions (3 x 100 亿元).
      expect(sums).toEqual([
        { year: 2020, value: null, regions_given: 2 },
        { year: 2021, value: 300, regions_given: 3 },
        { year: 2022, value: null, regions_given: 2 },
        { year: 2023, value: null, regions_given: 2 },
      ]);
    } finally {
      close();
    }
  });
});

describe('settings that do not fit the data', () => {
  test('are reported together, each with its key', async () => {
    const error = await accountsOf(
      { '110000': flat([2020, 2021]) },
      {
        price_index: 'cpi',
        other_volume_changes: 'rd_writeoffs',
        depreciation_by_region: { '110000': 0.2, '990000': 0.1 },
        base_year: 2030,
      },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).problems.map(formatProblem)).toEqual([
      'memory/method.yaml, column "accounts.price_index": found "cpi", which variables.csv does not declare, expected the variable of variables.csv that holds the price index, e.g. gdp_deflator',
      'memory/method.yaml, column "accounts.other_volume_changes": found "rd_writeoffs", which variables.csv does not declare, expected a variable of variables.csv in a money unit (万元, 亿元...), or null for none',
      'memory/method.yaml, column "accounts.depreciation_by_region.990000": found the region code "990000", expected a region_code of regions.csv, or 100000 for the nation',
    ]);
  });

  test('a base year without a price index is an error; a region-specific d is used', async () => {
    const error = await accountsOf({ '110000': flat([2020, 2021]) }, { base_year: 2030 }).catch((e: unknown) => e);
    expect((error as InputError).problems.map(formatProblem)).toEqual([
      'memory/method.yaml, column "accounts.base_year": found 2030, a year with no value of gdp_deflator, expected a year in which gdp_deflator is given, so that it can be rebased to 100',
    ]);
    // Flat 100 亿元 with d = 0.2 for 110000: K0 = 100 / (0 + 0.2) = 500, CFC = 100.
    const { db, close } = await accountsOf(
      { '110000': flat([2020, 2021]), '120000': flat([2020, 2021]) },
      { depreciation_by_region: { '110000': 0.2 } },
    );
    try {
      expect(
        await db.query(
          "SELECT region_code, round(value, 9) AS value FROM accounts WHERE item = 'cfc' AND year = 2021 AND price_basis = 'current' ORDER BY region_code",
        ),
      ).toEqual([
        { region_code: '110000', value: 100 },
        { region_code: '120000', value: 100 },
      ]);
      expect(await db.query('SELECT region_code, round(opening_stock, 9) AS k0 FROM accounts_initial ORDER BY region_code')).toEqual([
        { region_code: '110000', k0: 500 },
        { region_code: '120000', k0: Math.round((100 / 0.15) * 1e9) / 1e9 },
      ]);
    } finally {
      close();
    }
  });

  test("real GFCF falling faster than d leaves no initial stock: an error naming the first year's cell", async () => {
    // 100 then 64 亿元 at flat prices: g = -0.36, d = 0.15, g + d = -0.21.
    const falling = [
      { year: 2020, rd: 1_000_000, deflator: 100 },
      { year: 2021, rd: 640_000, deflator: 100 },
    ];
    const error = await accountsOf({ '110000': falling }).catch((e: unknown) => e);
    expect((error as InputError).problems.map(formatProblem)).toEqual([
      'memory.csv, row 2, column "rd_expenditure": found real R&D capital formation of 地区1 (110000) changing by -36.0 % a year over 2020-2021, so that g + d = -21.0 %, expected g + d above 0, so that the initial stock I0 / (g + d) exists: check these values, or set a larger accounts.depreciation or accounts.growth_years in method.yaml',
    ]);
  });

  test('without a price index in the codebook, the accounts are skipped and say why', async () => {
    const data = memoryDataDir({ '110000': flat([2020]) });
    data.variables = data.variables.filter((v) => v.variable !== 'gdp_deflator');
    data.observations = data.observations.filter((o) => o.variable !== 'gdp_deflator');
    const db = await openDatabase();
    try {
      await runStaging(db, data);
      expect(await runAccounts(db, data)).toEqual({ computed: false, reason: 'the codebook declares no gdp_deflator (the price index)' });
      expect(await db.query('SELECT count(*)::INTEGER AS n FROM accounts')).toEqual([{ n: 0 }]);
    } finally {
      db.close();
    }
  });
});
