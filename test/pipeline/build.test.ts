import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, test } from 'vitest';
import { build } from '../../src/build/build.ts';
import { silentStageLog } from '../../src/build/createStageLog.ts';

const tiny = 'test/fixtures/tiny';
type Csv = Record<string, string>[];
const readCsv = async (path: string): Promise<Csv> => parse(await readFile(path, 'utf8'), { columns: true }) as Csv;

// Hand-worked results for test/fixtures/tiny (see its README). Each line is the arithmetic.
// Indicators, 2021:
//   rd_intensity    = rd / (gdp * 10000) * 100: BJ 26460000/420000000*100 = 6.3, TJ 3.0, XZ 0.6
//   rd_per_capita   = rd / population:          BJ 13230, TJ 3300, XZ 300
//   patents_per_10k = patents / population:     BJ 30, TJ 11 (1.1 万件 = 11000 件), XZ 1.5
//   patent_growth   = (p / p_prev - 1) * 100:   BJ 20, TJ 10, XZ 50
// Min-max onto 0-100 within 2021:
const n2021 = {
  rd_intensity: { BJ: 100, TJ: ((3.0 - 0.6) / (6.3 - 0.6)) * 100, XZ: 0 },
  rd_per_capita: { BJ: 100, TJ: ((3300 - 300) / (13230 - 300)) * 100, XZ: 0 },
  patents_per_10k: { BJ: 100, TJ: ((11 - 1.5) / (30 - 1.5)) * 100, XZ: 0 },
  patent_growth: { BJ: ((20 - 10) / (50 - 10)) * 100, TJ: 0, XZ: 100 },
};
// Dimensions: equal indicator weights. Index: input weighs 2, output 1.
const input2021 = { BJ: 100, TJ: (n2021.rd_intensity.TJ + n2021.rd_per_capita.TJ) / 2, XZ: 0 };
const output2021 = { BJ: (100 + 25) / 2, TJ: (n2021.patents_per_10k.TJ + 0) / 2, XZ: (0 + 100) / 2 };
const index2021 = {
  BJ: (2 * input2021.BJ + output2021.BJ) / 3, // 87.5
  TJ: (2 * input2021.TJ + output2021.TJ) / 3,
  XZ: (2 * input2021.XZ + output2021.XZ) / 3, // 16.67
};
// 2020 has no growth (no 2019): output is patents_per_10k alone (weights renormalised).
//   rd_intensity BJ 6.25, TJ 3, XZ 0.5; rd_per_capita BJ 12500, TJ 3000, XZ 250; patents_per_10k BJ 25, TJ 10, XZ 1
const index2020TJ = (2 * ((((3 - 0.5) / (6.25 - 0.5)) * 100 + ((3000 - 250) / (12500 - 250)) * 100) / 2) + ((10 - 1) / (25 - 1)) * 100) / 3;

describe('build of test/fixtures/tiny (no site)', () => {
  let out: string;
  beforeAll(async () => {
    out = join(await mkdtemp(join(tmpdir(), 'ipindex-')), 'out');
    await build({ dataDir: tiny, outDir: out, site: false, log: silentStageLog, builtAt: '2026-01-01T00:00:00Z' });
  });

  test('indicators.csv holds every formula evaluated per region and year', async () => {
    const rows = await readCsv(join(out, 'data', 'indicators.csv'));
    expect(rows).toHaveLength(3 * 2 * 4);
    const value = (region: string, year: string, indicator: string) =>
      rows.find((r) => r.region_code === region && r.year === year && r.indicator === indicator)?.value;
    expect(Number(value('110000', '2021', 'rd_intensity'))).toBeCloseTo(6.3, 12);
    expect(Number(value('120000', '2021', 'patents_per_10k'))).toBeCloseTo(11, 12);
    expect(Number(value('540000', '2021', 'patent_growth'))).toBeCloseTo(50, 12);
    expect(Number(value('110000', '2021', 'patents_per_10k'))).toBeCloseTo(30, 12); // full-width ６００００
    expect(value('110000', '2020', 'patent_growth')).toBe(''); // no 2019: missing, not zero
    expect(rows[0]).toMatchObject({ imputed: 'false', treated: 'false' });
  });

  test('scores.csv matches the hand-worked normalisation, aggregation and ranks', async () => {
    const rows = await readCsv(join(out, 'data', 'scores.csv'));
    const score = (region: string, year: string, node: string) => {
      const row = rows.find((r) => r.region_code === region && r.year === year && r.node === node);
      return { score: Number(row?.score), rank: Number(row?.rank), level: Number(row?.level) };
    };
    const code = { BJ: '110000', TJ: '120000', XZ: '540000' } as const;
    for (const [indicator, values] of Object.entries(n2021)) {
      for (const [region, expected] of Object.entries(values)) {
        expect(score(code[region as keyof typeof code], '2021', indicator).score).toBeCloseTo(expected, 9);
      }
    }
    for (const region of ['BJ', 'TJ', 'XZ'] as const) {
      expect(score(code[region], '2021', 'input').score).toBeCloseTo(input2021[region], 9);
      expect(score(code[region], '2021', 'output').score).toBeCloseTo(output2021[region], 9);
      expect(score(code[region], '2021', 'index').score).toBeCloseTo(index2021[region], 9);
    }
    expect(score(code.BJ, '2021', 'index')).toMatchObject({ rank: 1, level: 3 });
    expect(score(code.TJ, '2021', 'index').rank).toBe(2);
    expect(score(code.XZ, '2021', 'index').rank).toBe(3);
    expect(score(code.XZ, '2021', 'patent_growth').rank).toBe(1);
    expect(score(code.TJ, '2020', 'index').score).toBeCloseTo(index2020TJ, 9);
    expect(score(code.BJ, '2020', 'index').score).toBeCloseTo(100, 9);
    expect(rows).toHaveLength(3 * 2 * (4 + 2 + 1));
  });

  test('observations.csv keeps every value with its source and converts units', async () => {
    const rows = await readCsv(join(out, 'data', 'observations.csv'));
    const tj = rows.find((r) => r.region_code === '120000' && r.year === '2021' && r.variable === 'patents');
    expect(tj).toMatchObject({
      value: '11000.0',
      unit: '件',
      source_value: '1.1',
      source_unit: '万件',
      source_file: 'patents.csv',
      source_row: '5',
      source_column: 'value',
    });
    const gdp = rows.find((r) => r.region_code === '110000' && r.year === '2020' && r.variable === 'gdp');
    expect(Number(gdp?.value)).toBe(40000);
    expect(rows.some((r) => r.region_code === '')).toBe(false);
    // The national row 全国 is kept as a control total under 100000, outside the index.
    // rd.csv and patents.csv also give national totals for 2020 and 2021, from which the national
    // reference is computed (test/composite/nationalReference.test.ts).
    expect(rows.filter((r) => r.region_code === '100000').map((r) => [r.year, r.variable, Number(r.value)])).toEqual([
      ['2020', 'patents', 353150],
      ['2020', 'rd_expenditure', 100000000],
      ['2021', 'gdp', 1143670],
      ['2021', 'patents', 423780],
      ['2021', 'population', 141260],
      ['2021', 'rd_expenditure', 113008000],
    ]);
    expect(rows).toHaveLength(3 * 2 * 4 + 6);
  });

  test('manifest.json records inputs with hashes and the method', async () => {
    const manifest = JSON.parse(await readFile(join(out, 'data', 'manifest.json'), 'utf8'));
    expect(manifest.tool).toBe('ipindex');
    expect(manifest.built_at).toBe('2026-01-01T00:00:00Z');
    expect(manifest.inputs.map((i: { file: string }) => i.file)).toEqual([
      'regions.csv',
      'variables.csv',
      'framework.csv',
      'method.yaml',
      'economy.csv',
      'patents.csv',
      'rd.csv',
    ]);
    expect(manifest.inputs[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.method.normalise).toEqual({ method: 'minmax', lower: 0, upper: 100, over: 'year', mean: 0, sd: 1 });
    expect(manifest.dropped_rows).toEqual([{ file: 'economy.csv', row: 9, reason: '"东部地区" is a zone total' }]);
  });
});
