import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { main } from '../../src/cli/cli.ts';
import { computeResults } from '../../src/build/computeResults.ts';
import { silentStageLog } from '../../src/build/createStageLog.ts';
import { openDatabase } from '../../src/database/openDatabase.ts';
import { loadDataDir } from '../../src/intake/loadDataDir.ts';
import { runUncertainty } from '../../src/uncertainty/runUncertainty.ts';
import { runEngine, type EngineInput } from './runEngine.ts';

type Row = Record<string, unknown>;

// Two regions with opposite strengths and equal weights tie at 50. Whichever of a and b draws the
// larger weight decides a run, so over many runs each region is first about half the time: the
// 5th percentile of its rank is 1 and the 95th is 2.
const opposite = (uncertainty: Record<string, unknown>): EngineInput => ({
  regions: [{ code: 'r1' }, { code: 'r2' }, { code: 'r3' }],
  framework: [
    { code: 'index', parent: null, level: 2 },
    { code: 'a', parent: 'index', level: 1 },
    { code: 'b', parent: 'index', level: 1 },
  ],
  values: [
    ['r1', 2020, 'a', 100],
    ['r2', 2020, 'a', 0],
    ['r3', 2020, 'a', 0],
    ['r1', 2020, 'b', 0],
    ['r2', 2020, 'b', 100],
    ['r3', 2020, 'b', 0],
  ],
  method: { uncertainty },
});

async function table(input: EngineInput, sql = 'SELECT * FROM uncertainty ORDER BY year, node, region_code'): Promise<Row[]> {
  const { db, rows } = await runEngine(input);
  try {
    return await rows(sql);
  } finally {
    db.close();
  }
}

describe('step 9: uncertainty (seeded Monte Carlo over weights, normalisation and aggregation)', () => {
  test('two regions tied at 50 each lead in about half the runs: band 1 to 2; the last stays last', async () => {
    const rows = await table(opposite({ runs: 1000, seed: 7, weights: 0.2 }));
    const index = rows.filter((r) => r.node === 'index');
    expect(index.map((r) => [r.region_code, r.rank, r.rank_p05, r.rank_p95])).toEqual([
      ['r1', 1, 1, 2],
      ['r2', 1, 1, 2],
      ['r3', 3, 3, 3],
    ]);
    // The share of runs in which r1 leads is that of a drawing the larger weight: 1/2 +- 3 sigma.
    const { db, rows: query } = await runEngine(opposite({ runs: 1000, seed: 7, weights: 0.2 }));
    const [share] = await query<Row>(`
      SELECT avg(CASE WHEN a.weight > b.weight THEN 1 ELSE 0 END) AS p
      FROM mc_weights AS a JOIN mc_weights AS b ON b.run = a.run
      JOIN mc_nodes AS na ON na.node_id = a.node_id AND na.code = 'a'
      JOIN mc_nodes AS nb ON nb.node_id = b.node_id AND nb.code = 'b'`);
    db.close();
    expect(Math.abs(Number(share?.p) - 0.5)).toBeLessThan(3 * Math.sqrt(0.25 / 1000));
  });

  test('run again on the same database (as the bench times it), the analysis gives the same bands', async () => {
    const { db, data, rows } = await runEngine(opposite({ runs: 200, seed: 3, weights: 0.5 }));
    try {
      const sql = 'SELECT * FROM uncertainty ORDER BY year, node, region_code';
      const first = await rows(sql);
      await runUncertainty(db, data);
      expect(await rows(sql)).toEqual(first);
    } finally {
      db.close();
    }
  });

  test('run again on the sample build, survey sampling included, it gives the same bands', { timeout: 120_000 }, async () => {
    const db = await openDatabase();
    try {
      const data = await loadDataDir('data', 'data', db);
      await computeResults(db, data, silentStageLog);
      const sql = 'SELECT * FROM uncertainty ORDER BY ALL';
      const first = await db.query(sql);
      const again = await runUncertainty(db, data);
      expect(again.sampled.length).toBeGreaterThan(0);
      expect(await db.query(sql)).toEqual(first);
    } finally {
      db.close();
    }
  });

  test('without any variation every run gives the published rank', async () => {
    const rows = await table(opposite({ runs: 50, weights: 0 }));
    expect(rows).toHaveLength(3 * 3);
    for (const r of rows) expect([r.rank_p05, r.rank_median, r.rank_p95]).toEqual([r.rank, r.rank, r.rank].map(Number));
  });

  test('the same seed gives the same bands; another seed other draws', async () => {
    const input = (seed: number) =>
      opposite({ runs: 200, seed, weights: 0.5, normalise: ['minmax', 'rank'], aggregate: ['arithmetic', 'geometric'] });
    const draws = 'SELECT run, node_id, weight FROM mc_weights ORDER BY run, node_id';
    expect(await table(input(3))).toEqual(await table(input(3)));
    expect(await table(input(3), draws)).toEqual(await table(input(3), draws));
    expect(await table(input(4), draws)).not.toEqual(await table(input(3), draws));
  });

  test('weights stay within +-x% of their value; methods are drawn from the lists given, each about evenly', async () => {
    const { db, rows } = await runEngine(
      opposite({ runs: 1000, seed: 11, weights: 0.3, normalise: ['minmax', 'percentile'], aggregate: ['arithmetic', 'harmonic'] }),
    );
    const [range] = await rows<Row>('SELECT min(weight) AS lo, max(weight) AS hi FROM mc_weights');
    const methods = await rows<Row>('SELECT normalise, aggregate, count(*) AS n FROM mc_runs GROUP BY ALL ORDER BY ALL');
    // The draws of two weights in the same run are independent.
    const [independence] = await rows<Row>(`
      SELECT corr(a.weight, b.weight) AS r FROM mc_weights AS a JOIN mc_weights AS b ON b.run = a.run AND b.node_id = a.node_id + 1`);
    db.close();
    expect(Number(range?.lo)).toBeGreaterThanOrEqual(0.7);
    expect(Number(range?.hi)).toBeLessThan(1.3);
    expect(methods.map((m) => [m.normalise, m.aggregate])).toEqual([
      ['minmax', 'arithmetic'],
      ['minmax', 'harmonic'],
      ['percentile', 'arithmetic'],
      ['percentile', 'harmonic'],
    ]);
    for (const m of methods) expect(Math.abs(Number(m.n) - 250)).toBeLessThan(3 * Math.sqrt(1000 * 0.25 * 0.75));
    expect(Math.abs(Number(independence?.r))).toBeLessThan(0.1);
  });

  test('the bands read off the histograms are the type-7 percentiles of the ranks of every run', async () => {
    // Three levels, so that both the level-2 and the upper-level Monte Carlo means are checked.
    const input: EngineInput = {
      regions: [{ code: 'r1' }, { code: 'r2' }, { code: 'r3' }, { code: 'r4' }],
      framework: [
        { code: 'index', parent: null, level: 3 },
        { code: 'd1', parent: 'index', level: 2 },
        { code: 'd2', parent: 'index', level: 2, weight: 2 },
        { code: 'a', parent: 'd1', level: 1 },
        { code: 'b', parent: 'd1', level: 1 },
        { code: 'c', parent: 'd2', level: 1 },
      ],
      values: ['r1', 'r2', 'r3', 'r4'].flatMap((r, i) => [
        [r, 2020, 'a', [9, 1, 5, 3][i] ?? 0] as const,
        [r, 2020, 'b', [1, 9, 4, 6][i] ?? 0] as const,
        [r, 2020, 'c', [2, 3, 9, 1][i] ?? 0] as const,
      ]),
      method: {
        uncertainty: {
          runs: 101,
          seed: 5,
          weights: 0.5,
          normalise: ['minmax', 'rank', 'reference'],
          aggregate: ['arithmetic', 'geometric', 'harmonic'],
        },
      },
    };
    const { db, rows } = await runEngine(input);
    const published = await rows<Row>(
      'SELECT region_code, node, rank_p05, rank_median, rank_p95 FROM uncertainty ORDER BY node, region_code',
    );
    // Every run's ranks, spelt out: indicators by the run's normalisation, the index by its score.
    const explicit = await rows<Row>(`
      WITH indicator_ranks AS (
        SELECT r.run, m.region_code, m.node, rank() OVER (PARTITION BY r.run, m.node ORDER BY m.score DESC) AS rank
        FROM mc_runs AS r JOIN normalised_methods AS m ON m.method = r.normalise
      ),
      index_ranks AS (
        SELECT s.run, u.region_code, n.code AS node, rank() OVER (PARTITION BY s.run, s.node_id ORDER BY s.score DESC) AS rank
        FROM mc_scores AS s JOIN mc_units AS u USING (unit_id) JOIN mc_nodes AS n USING (node_id)
      )
      SELECT region_code, node,
        quantile_cont(rank, 0.05) AS rank_p05, quantile_cont(rank, 0.5) AS rank_median, quantile_cont(rank, 0.95) AS rank_p95
      FROM (SELECT * FROM indicator_ranks UNION ALL SELECT * FROM index_ranks)
      GROUP BY region_code, node ORDER BY node, region_code`);
    db.close();
    expect(published).toHaveLength(4 * 6);
    published.forEach((row, i) => {
      for (const key of ['rank_p05', 'rank_median', 'rank_p95'])
        expect(Number(row[key]), `${row.region_code} ${row.node} ${key}`).toBeCloseTo(Number(explicit[i]?.[key]), 12);
    });
  });

  test('ipindex build writes out/data/uncertainty.csv: every region and node of the latest year scored, with its band', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'ipindex-uncertainty-')), 'out');
    expect(
      await main(
        ['build', 'test/fixtures/tiny', '--out', out, '--no-site'],
        () => {},
        () => {},
      ),
    ).toBe(0);
    const text = await readFile(join(out, 'data', 'uncertainty.csv'), 'utf8');
    expect(text.split('\n')[0]).toBe(
      'region_code,year,node,rank,rank_p05,rank_median,rank_p95,rank_p05_without_sampling,rank_median_without_sampling,rank_p95_without_sampling',
    );
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(3 * (4 + 2 + 1)); // 3 regions, 4 indicators, 2 dimensions and the index in 2021
    expect(new Set(rows.map((r) => r.year))).toEqual(new Set(['2021']));
    for (const r of rows) {
      expect(Number(r.rank_p05)).toBeLessThanOrEqual(Number(r.rank_median));
      expect(Number(r.rank_median)).toBeLessThanOrEqual(Number(r.rank_p95));
    }
  });

  test('years: latest analyses the last year only, with the same bands as years: all gives it', async () => {
    const twoYears = (years: string): EngineInput => {
      const input = opposite({ runs: 200, seed: 3, weights: 0.3, years });
      // 2019: r3 leads outright; 2020 as above.
      input.values = [
        ...input.values,
        ['r1', 2019, 'a', 10],
        ['r2', 2019, 'a', 0],
        ['r3', 2019, 'a', 90],
        ['r1', 2019, 'b', 0],
        ['r2', 2019, 'b', 20],
        ['r3', 2019, 'b', 80],
      ];
      return input;
    };
    const latest = await table(twoYears('latest'));
    const all = await table(twoYears('all'));
    expect(new Set(latest.map((r) => r.year))).toEqual(new Set([2020]));
    expect(new Set(all.map((r) => r.year))).toEqual(new Set([2019, 2020]));
    expect(
      all.filter((r) => r.year === 2019 && r.node === 'index' && r.region_code === 'r3').map((r) => [r.rank, r.rank_p05, r.rank_p95]),
    ).toEqual([[1, 1, 1]]);
    const band = (r: Row) => [r.region_code, r.node, r.rank_p05, r.rank_median, r.rank_p95];
    expect(latest.map(band)).toEqual(all.filter((r) => r.year === 2020).map(band));
  });
});
