import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { runEngine, type EngineInput, type Node } from './runEngine.ts';

// What must hold whatever the data: fast-check draws small data sets (a few regions, two years,
// missing values) and the real engine runs on each in DuckDB. Few runs each, so the suite stays fast.

type Row = Record<string, unknown>;
const regions = ['r1', 'r2', 'r3', 'r4', 'r5', 'r6'];
const framework: Node[] = [
  { code: 'index', parent: null, level: 3 },
  { code: 'd1', parent: 'index', level: 2, weight: 2 },
  { code: 'd2', parent: 'index', level: 2 },
  { code: 'i1', parent: 'd1', level: 1 },
  { code: 'i2', parent: 'd1', level: 1, direction: -1, weight: 0.5 },
  { code: 'i3', parent: 'd2', level: 1, weight: 3 },
  { code: 'i4', parent: 'd2', level: 1 },
];
const indicators = framework.filter((n) => n.level === 1).map((n) => n.code);

/** A value: a number of any sign and size within reason, or (one time in six) missing. */
const value = fc.oneof(
  { weight: 5, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }) },
  { weight: 1, arbitrary: fc.constant(null) },
);
/** Every region, year and indicator with a value. */
const dataset = fc
  .array(value, { minLength: regions.length * 2 * indicators.length, maxLength: regions.length * 2 * indicators.length })
  .map((cells) => {
    const values: EngineInput['values'] = [];
    let k = 0;
    for (const region of regions)
      for (const year of [2020, 2021]) for (const indicator of indicators) values.push([region, year, indicator, cells[k++] ?? null]);
    return values;
  });

async function query(input: EngineInput, sql: string): Promise<Row[]> {
  const { db, rows } = await runEngine(input);
  try {
    return await rows(sql);
  } finally {
    db.close();
  }
}

const zoned = regions.map((code, i) => ({ code, zone: i < 3 ? 'east' : 'west' }));

describe('properties of the composite engine', () => {
  test('min-max scores lie within [lower, upper], reaching both ends where there is spread, and so do their means', async () => {
    const bounds = fc.tuple(fc.integer({ min: -100, max: 100 }), fc.integer({ min: 1, max: 1000 }));
    await fc.assert(
      fc.asyncProperty(dataset, bounds, async (values, [lower, width]) => {
        const upper = lower + width;
        const method = { normalise: { method: 'minmax', lower, upper } };
        const rows = await query(
          { regions: zoned, framework, values, method },
          `
          SELECT level, node, year, min(score) AS lo, max(score) AS hi, count(DISTINCT score) AS distinct_scores
          FROM aggregated WHERE score IS NOT NULL GROUP BY level, node, year`,
        );
        const eps = 1e-9 * Math.max(1, Math.abs(lower), Math.abs(upper));
        for (const r of rows) {
          expect(Number(r.lo)).toBeGreaterThanOrEqual(lower - eps);
          expect(Number(r.hi)).toBeLessThanOrEqual(upper + eps);
          if (r.level === 1 && Number(r.distinct_scores) > 1) {
            expect(Number(r.lo)).toBe(lower);
            expect(Number(r.hi)).toBeCloseTo(upper, 9);
          }
        }
      }),
      { numRuns: 5 },
    );
  });

  test('scores and ranks do not depend on the order of the input rows', async () => {
    const method = { impute: { method: 'group_mean' }, treat: { method: 'winsorise' }, normalise: { method: 'minmax' } };
    await fc.assert(
      fc.asyncProperty(
        dataset.chain((values) =>
          fc.tuple(fc.constant(values), fc.shuffledSubarray(values, { minLength: values.length, maxLength: values.length })),
        ),
        async ([values, shuffled]) => {
          const sql = 'SELECT region_code, year, node, score, rank FROM scores ORDER BY region_code, year, node';
          const a = await query({ regions: zoned, framework, values, method }, sql);
          const b = await query({ regions: zoned, framework, values: shuffled, method }, sql);
          expect(b.map((r) => [r.region_code, r.year, r.node, r.rank])).toEqual(a.map((r) => [r.region_code, r.year, r.node, r.rank]));
          b.forEach((r, i) => {
            const expected = a[i]?.score;
            if (expected === null) expect(r.score).toBeNull();
            else expect(Number(r.score)).toBeCloseTo(Number(expected), 9);
          });
        },
      ),
      { numRuns: 4 },
    );
  });

  test("after renormalisation for missing values, each region's weights sum to one at every level", async () => {
    await fc.assert(
      fc.asyncProperty(dataset, fc.constantFrom('framework', 'equal'), async (values, weights) => {
        const rows = await query(
          { regions: zoned, framework, values, method: { weights: { method: weights } } },
          `
          SELECT region_code, year, level, sum(effective_weight) AS total
          FROM region_weights GROUP BY region_code, year, level`,
        );
        for (const r of rows) expect(Number(r.total)).toBeCloseTo(1, 12);
      }),
      { numRuns: 5 },
    );
  });

  test('uncertainty bands: 1 <= p05 <= median <= p95 <= the number of regions scored', async () => {
    const choices = fc.record({
      runs: fc.integer({ min: 1, max: 40 }),
      seed: fc.integer({ min: 0, max: 1000 }),
      weights: fc.double({ min: 0, max: 0.9, noNaN: true }),
      normalise: fc.subarray(['minmax', 'rank', 'percentile', 'distance_to_max'], { minLength: 1 }),
      aggregate: fc.subarray(['arithmetic', 'geometric', 'harmonic'], { minLength: 1 }),
    });
    await fc.assert(
      fc.asyncProperty(dataset, choices, async (values, uncertainty) => {
        const rows = await query(
          { regions: zoned, framework, values, method: { uncertainty } },
          `
          SELECT u.*, count(*) OVER (PARTITION BY u.year, u.node) AS scored FROM uncertainty AS u`,
        );
        expect(rows.length).toBeGreaterThan(0);
        for (const r of rows) {
          expect(Number(r.rank_p05)).toBeGreaterThanOrEqual(1);
          expect(Number(r.rank_p05)).toBeLessThanOrEqual(Number(r.rank_median));
          expect(Number(r.rank_median)).toBeLessThanOrEqual(Number(r.rank_p95));
          expect(Number(r.rank_p95)).toBeLessThanOrEqual(Number(r.scored));
        }
      }),
      { numRuns: 5 },
    );
  });
});
