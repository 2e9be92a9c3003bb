import { describe, expect, test } from 'vitest';
import { runEngine, series, type EngineInput, type Node } from './runEngine.ts';

// Each step of the composite engine on a few numbers worked out by hand (the arithmetic is in
// the comments). Skewness and kurtosis were worked out with the type-2 formulas of
// queries/composite/40_skew_kurtosis.sql in an independent script (Python, double precision).

type Row = Record<string, unknown>;
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

async function engine(input: EngineInput, sql: string): Promise<Row[]> {
  const { db, rows } = await runEngine(input);
  try {
    return await rows(sql);
  } finally {
    db.close();
  }
}

/** Indicator values by region after the engine: { r1: 42, ... }. */
async function valuesOf(input: EngineInput, indicator: string, year = 2020, column = 'value'): Promise<Record<string, number | null>> {
  const rows = await engine(
    input,
    `SELECT region_code, ${column} AS v FROM indicators WHERE indicator = '${indicator}' AND year = ${year} ORDER BY region_code`,
  );
  return Object.fromEntries(rows.map((r) => [r.region_code, num(r.v)]));
}

/** Scores by region of one node: { r1: 100, ... }. */
async function scoresOf(
  input: EngineInput,
  node: string,
  year = 2020,
  table = 'scores',
  column = 'score',
): Promise<Record<string, number | null>> {
  const rows = await engine(
    input,
    `SELECT region_code, ${column} AS v FROM ${table} WHERE node = '${node}' AND year = ${year} ORDER BY region_code`,
  );
  return Object.fromEntries(rows.map((r) => [r.region_code, num(r.v)]));
}

function expectClose(actual: Record<string, number | null>, expected: Record<string, number | null>, digits = 9) {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  for (const [key, value] of Object.entries(expected)) {
    if (value === null) expect(actual[key], key).toBeNull();
    else expect(actual[key], key).toBeCloseTo(value, digits);
  }
}

// index (level 3) <- d1 (level 2) <- i1, i2 (weight 3, lower is better); d2 <- i3.
const framework: Node[] = [
  { code: 'index', parent: null, level: 3 },
  { code: 'd1', parent: 'index', level: 2 },
  { code: 'd2', parent: 'index', level: 2 },
  { code: 'i1', parent: 'd1', level: 1 },
  { code: 'i2', parent: 'd1', level: 1, weight: 3, direction: -1 },
  { code: 'i3', parent: 'd2', level: 1 },
];
const zones = [
  { code: 'r1', zone: 'east' },
  { code: 'r2', zone: 'east' },
  { code: 'r3', zone: 'west' },
  { code: 'r4', zone: 'west' },
  { code: 'r5', zone: 'west' },
  { code: 'r6', zone: 'west' },
];
// r4 misses i1. Donors of i1: 10, 20, 30, 50, 100 (east 10, 20; west 30, 50, 100).
const withGap: EngineInput = {
  regions: zones,
  framework,
  values: [
    ...zones.map((r, i) => [r.code, 2020, 'i1', [10, 20, 30, null, 50, 100][i] ?? null] as const),
    ...zones.map((r, i) => [r.code, 2020, 'i2', i + 1] as const),
    ...zones.map((r, i) => [r.code, 2020, 'i3', 10 * (i + 1)] as const),
  ],
};

describe('step 3: imputation', () => {
  test.each([
    ['mean', (10 + 20 + 30 + 50 + 100) / 5], // 42
    ['median', 30],
    ['group_mean', (30 + 50 + 100) / 3], // 60: the west zone
    ['group_median', 50],
  ])('%s fills the gap with %d and flags it', async (method, expected) => {
    const { db, rows } = await runEngine({ ...withGap, method: { impute: { method } } });
    const [r4] = await rows<Row>("SELECT value, raw_value, imputed, treated FROM indicators WHERE region_code = 'r4' AND indicator = 'i1'");
    db.close();
    expect(num(r4?.value)).toBeCloseTo(expected, 12);
    expect(r4).toMatchObject({ raw_value: null, imputed: true, treated: false });
  });

  test('none leaves the gap: d1 of r4 is i2 alone, its weight renormalised', async () => {
    const values = await valuesOf(withGap, 'i1');
    expect(values.r4).toBeNull();
    // i2 (lower is better) 1..6 -> min-max of -1..-6: r4 (4) scores (6 - 4) / 5 * 100 = 40.
    const d1 = await scoresOf(withGap, 'd1');
    expect(d1.r4).toBeCloseTo(40, 12);
  });

  test('latest carries the last earlier value forward; linear interpolates, and beyond the data takes the nearest', async () => {
    // One region over 2018-2022: i1 missing, 8, missing, 12, missing.
    const panel = (method: string): EngineInput => ({
      regions: [{ code: 'p1' }, { code: 'p2' }],
      framework: [
        { code: 'index', parent: null, level: 2 },
        { code: 'i1', parent: 'index', level: 1 },
      ],
      values: [2018, 2019, 2020, 2021, 2022].flatMap((year, i) => [
        ['p1', year, 'i1', [null, 8, null, 12, null][i] ?? null] as const,
        ['p2', year, 'i1', 1] as const,
      ]),
      method: { impute: { method } },
    });
    const byYear = async (method: string) => {
      const rows = await engine(panel(method), "SELECT year, value FROM indicators WHERE region_code = 'p1' ORDER BY year");
      return rows.map((r) => num(r.value));
    };
    expect(await byYear('latest')).toEqual([null, 8, 8, 12, 12]);
    expect(await byYear('linear')).toEqual([8, 8, 10, 12, 12]);
  });
});

describe('step 2: screening', () => {
  // r6 gives i1 (100) but misses i2 and i3: availability 1/3. r4 misses i1: 2/3.
  const sparse: EngineInput = {
    ...withGap,
    values: withGap.values.filter(([region, , indicator]) => !(region === 'r6' && indicator !== 'i1')),
  };

  test('before imputation (on: raw): regions under the threshold get no scores and lend no values', async () => {
    const method = { screen: { regions: 0.5, on: 'raw' }, impute: { method: 'group_mean' } };
    const { db, rows } = await runEngine({ ...sparse, method });
    const screening = await rows<Row>('SELECT region_code, availability, kept FROM screening ORDER BY region_code');
    const r4 = await rows<Row>("SELECT value FROM indicators WHERE region_code = 'r4' AND indicator = 'i1'");
    const scored = await rows<Row>("SELECT region_code FROM scores WHERE node = 'index' ORDER BY region_code");
    db.close();
    expect(screening.map((s) => [s.region_code, num(s.availability), s.kept])).toEqual([
      ['r1', 1, true],
      ['r2', 1, true],
      ['r3', 1, true],
      ['r4', 2 / 3, true],
      ['r5', 1, true],
      ['r6', 1 / 3, false],
    ]);
    // The west mean without r6: (30 + 50) / 2.
    expect(num(r4[0]?.value)).toBeCloseTo(40, 12);
    expect(scored.map((s) => s.region_code)).toEqual(['r1', 'r2', 'r3', 'r4', 'r5']);
  });

  test("after imputation (on: imputed, COINr's example): availability counts imputed values", async () => {
    const method = { screen: { regions: 0.5, on: 'imputed' }, impute: { method: 'group_mean' } };
    const { db, rows } = await runEngine({ ...sparse, method });
    const kept = await rows<Row>('SELECT count(*) AS n FROM screening WHERE kept');
    const r4 = await rows<Row>("SELECT value FROM indicators WHERE region_code = 'r4' AND indicator = 'i1'");
    db.close();
    expect(num(kept[0]?.n)).toBe(6);
    expect(num(r4[0]?.value)).toBeCloseTo(60, 12); // r6 lends its 100: (30 + 50 + 100) / 3
  });

  test('indicators under their threshold drop out of their parent', async () => {
    // i1 covers 5 of 6 regions (0.83): at 0.9 it is left out, so d1 is i2 alone for everyone.
    const method = { screen: { indicators: 0.9 } };
    const { db, rows } = await runEngine({ ...withGap, method });
    const screened = await rows<Row>('SELECT indicator, kept FROM indicator_screening ORDER BY indicator');
    const d1 = await rows<Row>("SELECT region_code, score FROM scores WHERE node = 'd1' AND region_code = 'r1'");
    db.close();
    expect(screened.map((s) => [s.indicator, s.kept])).toEqual([
      ['i1', false],
      ['i2', true],
      ['i3', true],
    ]);
    expect(num(d1[0]?.score)).toBeCloseTo(100, 12); // i2 = 1, the lowest, is the best
  });
});

describe('step 4: outlier treatment (skew/kurtosis rule, winsorisation, log fallback)', () => {
  const single: Node[] = [
    { code: 'index', parent: null, level: 2 },
    { code: 'hi', parent: 'index', level: 1 },
    { code: 'lo', parent: 'index', level: 1 },
    { code: 'tie', parent: 'index', level: 1 },
    { code: 'ok', parent: 'index', level: 1 },
  ];
  const regions = Array.from({ length: 15 }, (_, i) => ({ code: `r${String(i + 1).padStart(2, '0')}` }));
  const input = (treat: Record<string, unknown>): EngineInput => ({
    regions,
    framework: single,
    values: [
      ...series('hi', [1, 2, 3, 4, 5, 6, 7, 8, 9, 100]), // skew 3.119, kurtosis 9.799: fails
      ...series('lo', [-100, 1, 2, 3, 4, 5, 6, 7, 8, 9]), // skew -3.127: fails on the low side
      ...series('tie', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 100, 100]), // skew 2.346, kurtosis 4.172
      ...series('ok', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]),
    ],
    method: { treat: { method: 'winsorise', ...treat } },
  });

  test('the highest point takes the next highest value until the series passes', async () => {
    const { db, rows } = await runEngine(input({}));
    const log = await rows<Row>("SELECT * FROM treatment_log WHERE indicator = 'hi'");
    const points = await rows<Row>(
      "SELECT region_code, value, raw_value, treated, treatment FROM indicators WHERE indicator = 'hi' AND treated",
    );
    db.close();
    expect(num(log[0]?.skew_before)).toBeCloseTo(3.1188957452390875, 12);
    expect(num(log[0]?.kurtosis_before)).toBeCloseTo(9.799244716163662, 12);
    expect(log[0]).toMatchObject({ passed_before: false, passed_winsorised: true, log_transformed: false });
    expect(num(log[0]?.winsorised)).toBe(1);
    // [1..9, 9]: skew -0.1515, kurtosis -1.357
    expect(num(log[0]?.skew_winsorised)).toBeCloseTo(-0.15146310708295857, 12);
    expect(num(log[0]?.kurtosis_winsorised)).toBeCloseTo(-1.3569849115504689, 12);
    expect(points).toEqual([{ region_code: 'r10', value: 9, raw_value: 100, treated: true, treatment: 'winsorised_high' }]);
  });

  test('negative skew winsorises the lowest point; tied points change together and both count', async () => {
    // Regions r11-r15 have no value of hi, lo and ok: those series have 10 points.
    const { db, rows } = await runEngine(input({}));
    const treated = await rows<Row>(
      'SELECT indicator, region_code, value, treatment FROM indicators WHERE treated ORDER BY indicator, region_code',
    );
    const counts = await rows<Row>('SELECT indicator, winsorised FROM treatment_log ORDER BY indicator');
    db.close();
    expect(treated).toEqual([
      { indicator: 'hi', region_code: 'r10', value: 9, treatment: 'winsorised_high' },
      { indicator: 'lo', region_code: 'r01', value: 1, treatment: 'winsorised_low' },
      { indicator: 'tie', region_code: 'r14', value: 13, treatment: 'winsorised_high' },
      { indicator: 'tie', region_code: 'r15', value: 13, treatment: 'winsorised_high' },
    ]);
    expect(counts.map((c) => [c.indicator, num(c.winsorised)])).toEqual([
      ['hi', 1],
      ['lo', 1],
      ['ok', 0],
      ['tie', 2],
    ]);
  });

  test('when winsorising up to winmax points does not pass, the original values are log-transformed', async () => {
    const { db, rows } = await runEngine(input({ winmax: 0 }));
    const log = await rows<Row>("SELECT * FROM treatment_log WHERE indicator = 'hi'");
    const values = await rows<Row>(
      "SELECT value, treatment FROM indicators WHERE indicator = 'hi' AND raw_value IS NOT NULL ORDER BY region_code",
    );
    const ok = await rows<Row>("SELECT count(*) AS n FROM indicators WHERE indicator = 'ok' AND treated");
    db.close();
    expect(log[0]).toMatchObject({ passed_before: false, passed_winsorised: false, log_transformed: true, passed_log: true });
    expect(num(log[0]?.skew_log)).toBeCloseTo(1.3064704821461597, 12);
    // ln(x - min + 0.01 (max - min)) = ln(x - 1 + 0.99)
    const x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 100];
    values.forEach((v, i) => expect(num(v.value)).toBeCloseTo(Math.log((x[i] ?? 0) - 1 + 0.99), 12));
    expect(values.every((v) => v.treatment === 'log')).toBe(true);
    expect(num(ok[0]?.n)).toBe(0);
  });

  test('log: false keeps the series as it was after winsorisation', async () => {
    const values = await valuesOf(input({ winmax: 0, log: false }), 'hi');
    expect(values.r10).toBe(100);
  });
});

describe('step 5: normalisation', () => {
  // i1 (higher is better, target 8): 2, 4, 10. i2 (lower is better, target 2): 1, 3, 5.
  const three: EngineInput = {
    regions: [{ code: 'r1' }, { code: 'r2' }, { code: 'r3' }],
    framework: [
      { code: 'index', parent: null, level: 2 },
      { code: 'i1', parent: 'index', level: 1, target: 8 },
      { code: 'i2', parent: 'index', level: 1, direction: -1, target: 2 },
    ],
    values: [
      ['r1', 2020, 'i1', 2],
      ['r2', 2020, 'i1', 4],
      ['r3', 2020, 'i1', 10],
      ['r1', 2020, 'i2', 1],
      ['r2', 2020, 'i2', 3],
      ['r3', 2020, 'i2', 5],
      ['r1', 2021, 'i1', 6],
      ['r2', 2021, 'i1', 8],
      ['r3', 2021, 'i1', 18],
      ['r1', 2021, 'i2', 1],
      ['r2', 2021, 'i2', 1],
      ['r3', 2021, 'i2', 1],
    ],
  };
  const normalised = (normalise: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    ...three,
    method: { normalise, ...extra },
  });
  const sd = Math.sqrt(52 / 3); // deviations -10/3, -4/3, 14/3: squares 312/9, over n - 1 = 2

  test.each([
    ['minmax', {}, { r1: 0, r2: 25, r3: 100 }, { r1: 100, r2: 50, r3: 0 }],
    ['minmax', { lower: 1, upper: 10 }, { r1: 1, r2: 1 + 9 / 4, r3: 10 }, { r1: 10, r2: 5.5, r3: 1 }],
    ['zscore', {}, { r1: (2 - 16 / 3) / sd, r2: (4 - 16 / 3) / sd, r3: (10 - 16 / 3) / sd }, { r1: 1, r2: 0, r3: -1 }],
    ['rank', {}, { r1: 1, r2: 2, r3: 3 }, { r1: 3, r2: 2, r3: 1 }],
    ['percentile', {}, { r1: 0, r2: 50, r3: 100 }, { r1: 100, r2: 50, r3: 0 }],
    ['distance_to_max', {}, { r1: 0, r2: 25, r3: 100 }, { r1: 100, r2: 50, r3: 0 }],
    // i1: 1 - (8 - x) / (8 - 2), capped at 1. i2: t = -2 on the directed values -1, -3, -5.
    ['target', {}, { r1: 0, r2: 100 / 3, r3: 100 }, { r1: 100, r2: 200 / 3, r3: 0 }],
    // The mean is the reference: i1 16/3 (100 x / ref), i2 3 (100 ref / x).
    ['reference', {}, { r1: 37.5, r2: 75, r3: 187.5 }, { r1: 300, r2: 100, r3: 60 }],
  ])('%s %j', async (method, options, i1, i2) => {
    const input = normalised({ method, ...options });
    expectClose(await scoresOf(input, 'i1'), i1);
    expectClose(await scoresOf(input, 'i2'), i2);
  });

  test('reference: one region as the reference scores 100', async () => {
    const input = normalised({ method: 'reference' }, { reference: 'r2' });
    expectClose(await scoresOf(input, 'i1'), { r1: 50, r2: 100, r3: 250 });
  });

  test('over all years: one scale for 2020 and 2021, so that scores compare across time', async () => {
    // i1 over both years runs from 2 to 18.
    const input = normalised({ method: 'minmax', over: 'all' });
    expectClose(await scoresOf(input, 'i1', 2021), { r1: 25, r2: 37.5, r3: 100 });
    expectClose(await scoresOf(input, 'i1', 2020), { r1: 0, r2: 12.5, r3: 50 });
  });

  test('an indicator without spread puts everyone in the middle', async () => {
    expectClose(await scoresOf(normalised({ method: 'minmax' }), 'i2', 2021), { r1: 50, r2: 50, r3: 50 });
  });
});

describe('step 6: weights and effective weights', () => {
  test('framework weights: effective weights are the product of the shares down from the index', async () => {
    const rows = await engine(withGap, 'SELECT code, weight, effective_weight FROM effective_weights ORDER BY code');
    expect(rows.map((r) => [r.code, num(r.weight), num(r.effective_weight)])).toEqual([
      ['d1', 1, 0.5],
      ['d2', 1, 0.5],
      ['i1', 1, 0.125],
      ['i2', 3, 0.375],
      ['i3', 1, 0.5],
      ['index', 1, 1],
    ]);
  });

  test("equal weights ignore the framework's", async () => {
    const rows = await engine(
      { ...withGap, method: { weights: { method: 'equal' } } },
      "SELECT effective_weight FROM effective_weights WHERE code = 'i2'",
    );
    expect(num(rows[0]?.effective_weight)).toBe(0.25);
  });

  test('pca: squared loadings of the first component; uncorrelated children get nothing', async () => {
    // c1 and c2 are perfectly correlated, c3 uncorrelated with both: the correlation matrix
    // [[1,1,0],[1,1,0],[0,0,1]] has the dominant eigenvector (1, 1, 0) / sqrt 2.
    const input: EngineInput = {
      regions: [{ code: 'r1' }, { code: 'r2' }, { code: 'r3' }, { code: 'r4' }],
      framework: [
        { code: 'index', parent: null, level: 2 },
        { code: 'c1', parent: 'index', level: 1 },
        { code: 'c2', parent: 'index', level: 1 },
        { code: 'c3', parent: 'index', level: 1 },
      ],
      values: ['r1', 'r2', 'r3', 'r4'].flatMap((r, i) => [
        [r, 2020, 'c1', i + 1] as const,
        [r, 2020, 'c2', 2 * (i + 1)] as const,
        [r, 2020, 'c3', [1, -1, -1, 1][i] ?? 0] as const,
      ]),
      method: { weights: { method: 'pca' } },
    };
    const rows = await engine(input, 'SELECT code, weight FROM weights ORDER BY code');
    expect(rows.map((r) => r.code)).toEqual(['c1', 'c2', 'c3']);
    expect(num(rows[0]?.weight)).toBeCloseTo(0.5, 9);
    expect(num(rows[1]?.weight)).toBeCloseTo(0.5, 9);
    expect(num(rows[2]?.weight)).toBeCloseTo(0, 9);
  });
});

describe('step 7: aggregation', () => {
  // a: 0, 25, 100 and b: 0, 100, 50 after min-max; equal weights.
  const pair = (aggregate: Record<string, unknown>): EngineInput => ({
    regions: [{ code: 'r1' }, { code: 'r2' }, { code: 'r3' }],
    framework: [
      { code: 'index', parent: null, level: 2 },
      { code: 'a', parent: 'index', level: 1 },
      { code: 'b', parent: 'index', level: 1 },
    ],
    values: [
      ['r1', 2020, 'a', 0],
      ['r2', 2020, 'a', 25],
      ['r3', 2020, 'a', 100],
      ['r1', 2020, 'b', 0],
      ['r2', 2020, 'b', 100],
      ['r3', 2020, 'b', 50],
    ],
    method: { aggregate },
  });

  test.each([
    ['arithmetic', {}, { r1: 0, r2: 62.5, r3: 75 }],
    ['geometric', {}, { r1: 0, r2: 50, r3: Math.sqrt(5000) }], // sqrt(25 x 100); a zero child gives 0
    ['harmonic', {}, { r1: 0, r2: 40, r3: 200 / 3 }], // 2 / (1/25 + 1/100); 2 / (1/100 + 1/50)
    ['generalised', { power: 2 }, { r1: 0, r2: Math.sqrt((625 + 10000) / 2), r3: Math.sqrt((10000 + 2500) / 2) }],
    ['generalised', { power: -1 }, { r1: 0, r2: 40, r3: 200 / 3 }], // the harmonic mean again
  ])('%s %j', async (method, options, expected) => {
    expectClose(await scoresOf(pair({ method, ...options }), 'index'), expected);
  });

  test('aggregate.levels chooses the mean of one level', async () => {
    // d1 and d2 arithmetic, the index geometric.
    const input = { ...withGap, method: { impute: { method: 'mean' }, aggregate: { method: 'arithmetic', levels: { 3: 'geometric' } } } };
    const { db, rows } = await runEngine(input);
    const d = await rows<Row>("SELECT node, score FROM scores WHERE region_code = 'r3' AND level = 2 ORDER BY node");
    const index = await rows<Row>("SELECT score FROM scores WHERE region_code = 'r3' AND node = 'index'");
    db.close();
    expect(num(index[0]?.score)).toBeCloseTo(Math.sqrt(Number(d[0]?.score) * Number(d[1]?.score)), 12);
  });

  test("a missing child drops out and the others' weights are renormalised", async () => {
    // r4: i1 missing, i2 = 4 scores 40 (see imputation), i3 = 40 scores (40 - 10) / 50 x 100 = 60.
    const index = await scoresOf(withGap, 'index');
    expect(index.r4).toBeCloseTo((40 + 60) / 2, 12);
  });
});

describe('step 8: ranks, rank change, growth, performance groups, contributions', () => {
  const one = (values: Record<string, [number, number]>): EngineInput => ({
    regions: Object.keys(values).map((code) => ({ code })),
    framework: [
      { code: 'index', parent: null, level: 2 },
      { code: 'a', parent: 'index', level: 1 },
    ],
    values: Object.entries(values).flatMap(([region, [v2020, v2021]]) => [
      [region, 2020, 'a', v2020] as const,
      [region, 2021, 'a', v2021] as const,
    ]),
  });

  test('ties share the lower rank; rank change and growth come from the year before', async () => {
    // 2020: 5, 5, 1 -> scores 100, 100, 0, ranks 1, 1, 3. 2021: 1, 3, 5 -> 0, 50, 100.
    const input = one({ r1: [5, 1], r2: [5, 3], r3: [1, 5] });
    expectClose(await scoresOf(input, 'index', 2020, 'scores', 'rank'), { r1: 1, r2: 1, r3: 3 });
    expectClose(await scoresOf(input, 'index', 2021, 'score_changes', 'rank_change'), { r1: 1 - 3, r2: 1 - 2, r3: 3 - 1 });
    expectClose(await scoresOf(input, 'index', 2021, 'score_changes', 'score_change'), { r1: -100, r2: -50, r3: 100 });
    expectClose(await scoresOf(input, 'index', 2021, 'score_changes', 'growth'), { r1: -100, r2: -50, r3: null });
    expectClose(await scoresOf(input, 'index', 2020, 'score_changes', 'rank_change'), { r1: null, r2: null, r3: null });
  });

  test('performance groups against the mean: leader > 125%, strong 100-125%, moderate 70-100%, emerging < 70%', async () => {
    // Scores 0, 30, 40, 50, 100: mean 44. Relative 0, 68.2, 90.9, 113.6, 227.3 %.
    const input = one({ r1: [0, 0], r2: [30, 30], r3: [40, 40], r4: [50, 50], r5: [100, 100] });
    const rows = await engine(
      input,
      'SELECT region_code, reference_score, relative, "group" FROM performance_groups WHERE node = \'index\' AND year = 2020 ORDER BY region_code',
    );
    expect(rows.map((r) => r.group)).toEqual(['emerging', 'emerging', 'moderate', 'strong', 'leader']);
    expect(num(rows[0]?.reference_score)).toBeCloseTo(44, 12);
    expect(num(rows[2]?.relative)).toBeCloseTo((100 * 40) / 44, 12);
  });

  test('contributions: region weight x normalised score, adding up to the index', async () => {
    // r4: i1 missing, so d1 is i2 alone: i2 weighs 0.5, i3 0.5; scores 40 and 60.
    const { db, rows } = await runEngine(withGap);
    const r4 = await rows<Row>(
      "SELECT indicator, weight, score, contribution, share FROM contributions WHERE region_code = 'r4' ORDER BY indicator",
    );
    const sums = await rows<Row>(`
      SELECT c.region_code, sum(c.contribution) AS total, any_value(s.score) AS index_score, sum(c.weight) AS weights
      FROM contributions AS c JOIN scores AS s ON s.region_code = c.region_code AND s.year = c.year AND s.node = 'index'
      GROUP BY c.region_code`);
    db.close();
    expect(r4.map((r) => [r.indicator, num(r.weight), num(r.contribution)])).toEqual([
      ['i2', 0.5, 20],
      ['i3', 0.5, 30],
    ]);
    expect(num(r4[1]?.share)).toBeCloseTo(60, 12);
    expect(sums).toHaveLength(6);
    for (const s of sums) {
      expect(num(s.total)).toBeCloseTo(Number(s.index_score), 12);
      expect(num(s.weights)).toBeCloseTo(1, 12);
    }
  });
});
