import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, test } from 'vitest';
import { build } from '../../src/build/build.ts';
import { createStageLog } from '../../src/build/createStageLog.ts';

type Csv = Record<string, string>[];
const readCsv = async (path: string): Promise<Csv> => parse(await readFile(path, 'utf8'), { columns: true }) as Csv;

// Hand-worked national reference for test/fixtures/tiny (see its README and build.test.ts for the
// regions' side). The national totals (rows 全国):
//   2020: rd_expenditure 100000000 万元, patents 353150 件; no population or gdp
//   2021: population 141260 万人, gdp 1143670 亿元, rd_expenditure 113008000 万元, patents 423780 件
// National indicators by the same formulas:
//   2021 rd_intensity    = 113008000 / (1143670 * 10000) * 100 = 0.98811...
//        rd_per_capita   = 113008000 / 141260 = 800
//        patents_per_10k = 423780 / 141260 = 3
//        patent_growth   = (423780 / 353150 - 1) * 100 = 20
//   2020 none: no population or gdp, and no 2019 patents for the growth (missing, never made up
//        from the regions).
const national2021 = { rd_intensity: (113008000 / (1143670 * 10000)) * 100, rd_per_capita: 800, patents_per_10k: 3, patent_growth: 20 };
// The regions' indicators of 2021 (build.test.ts): BJ, TJ, XZ.
const regions2021 = {
  rd_intensity: { BJ: 6.3, TJ: 3.0, XZ: 0.6 },
  rd_per_capita: { BJ: 13230, TJ: 3300, XZ: 300 },
  patents_per_10k: { BJ: 30, TJ: 11, XZ: 1.5 },
  patent_growth: { BJ: 20, TJ: 10, XZ: 50 },
};
const codes = { BJ: '110000', TJ: '120000', XZ: '540000' } as const;
type Region = keyof typeof codes;
// Dimensions are equal-weight means of their indicators; the index weighs input 2, output 1.
const index = (s: { rd_intensity: number; rd_per_capita: number; patents_per_10k: number; patent_growth: number }) =>
  (2 * ((s.rd_intensity + s.rd_per_capita) / 2) + (s.patents_per_10k + s.patent_growth) / 2) / 3;

/** Builds tiny with `method` as method.yaml; returns the output folder and the build log. */
async function buildTiny(method: string): Promise<{ data: string; log: string[] }> {
  const dir = await mkdtemp(join(tmpdir(), 'ipindex-national-'));
  const dataDir = join(dir, 'tiny');
  await cp('test/fixtures/tiny', dataDir, { recursive: true });
  await writeFile(join(dataDir, 'method.yaml'), method);
  const log: string[] = [];
  await build({
    dataDir,
    outDir: join(dir, 'out'),
    site: false,
    log: createStageLog((line) => log.push(line)),
    builtAt: '2026-01-01T00:00:00Z',
  });
  return { data: join(dir, 'out', 'data'), log };
}

const find = (rows: Csv, match: Record<string, string>) => rows.find((r) => Object.entries(match).every(([k, v]) => r[k] === v));

describe('normalisation relative to the nation (national value = 100)', () => {
  let out: { data: string; log: string[] };
  beforeAll(async () => {
    out = await buildTiny('normalise:\n  method: reference\nreference: national\nuncertainty:\n  runs: 0\n');
  });

  test('national_indicators.csv holds the national indicators from the national totals', async () => {
    const rows = await readCsv(join(out.data, 'national_indicators.csv'));
    expect(rows).toHaveLength(2 * 4);
    for (const [indicator, value] of Object.entries(national2021)) {
      expect(Number(find(rows, { year: '2021', indicator })?.value)).toBeCloseTo(value, 10);
      expect(find(rows, { year: '2020', indicator })?.value).toBe('');
    }
  });

  test('each region scores 100 x value / national value, and nothing where the nation has no value', async () => {
    const rows = await readCsv(join(out.data, 'scores.csv'));
    // e.g. BJ rd_intensity 100 x 6.3 / 0.98811 = 637.58; XZ patent_growth 100 x 50 / 20 = 250
    for (const [indicator, values] of Object.entries(regions2021)) {
      for (const [region, value] of Object.entries(values)) {
        const score = find(rows, { region_code: codes[region as Region], year: '2021', node: indicator })?.score;
        expect(Number(score)).toBeCloseTo((100 * value) / national2021[indicator as keyof typeof national2021], 8);
      }
    }
    expect(Number(find(rows, { region_code: codes.XZ, year: '2021', node: 'patent_growth' })?.score)).toBeCloseTo(250, 10);
    expect(rows.filter((r) => r.year === '2020' && r.score !== '')).toEqual([]);
  });

  test('the nation scores 100 on every node, so the groups compare each index with 100', async () => {
    const rows = await readCsv(join(out.data, 'performance_groups.csv'));
    const scoreOf = (region: Region) => {
      const n = (indicator: keyof typeof regions2021) => (100 * regions2021[indicator][region]) / national2021[indicator];
      return index({
        rd_intensity: n('rd_intensity'),
        rd_per_capita: n('rd_per_capita'),
        patents_per_10k: n('patents_per_10k'),
        patent_growth: n('patent_growth'),
      });
    };
    // XZ: (2 (60.72 + 37.5) / 2 + (50 + 250) / 2) / 3 = 82.74: moderate (70-100%)
    expect(scoreOf('XZ')).toBeCloseTo(82.74, 2);
    for (const region of ['BJ', 'TJ', 'XZ'] as const) {
      const row = find(rows, { region_code: codes[region], year: '2021', node: 'index' });
      expect(Number(row?.reference_score)).toBeCloseTo(100, 10);
      expect(Number(row?.relative)).toBeCloseTo(scoreOf(region), 8);
    }
    expect(find(rows, { region_code: codes.BJ, year: '2021', node: 'index' })?.group).toBe('leader');
    expect(find(rows, { region_code: codes.XZ, year: '2021', node: 'index' })?.group).toBe('moderate');
  });

  test('the missing national reference of 2020 is said in the build log and the manifest', async () => {
    const manifest = JSON.parse(await readFile(join(out.data, 'manifest.json'), 'utf8')) as { years_without_reference: number[] };
    expect(manifest.years_without_reference).toEqual([2020]);
    const composite = out.log.find((line) => line.trimStart().startsWith('composite')) ?? '';
    expect(composite).toMatch(/no national reference for the index in 2020 \(no performance groups then\)/);
    expect(composite).toMatch(/\d+ indicator-years without a national value/);
  });
});

describe('performance groups against the national index (min-max)', () => {
  let out: { data: string; log: string[] };
  beforeAll(async () => {
    out = await buildTiny('normalise:\n  method: minmax\n  lower: 0\n  upper: 100\nreference: national\nuncertainty:\n  runs: 0\n');
  });

  // The nation normalised between the regions' min and max of 2021 (which it does not change):
  //   rd_intensity    (0.98811 - 0.6) / (6.3 - 0.6) * 100 = 6.809
  //   rd_per_capita   (800 - 300) / (13230 - 300) * 100   = 3.867
  //   patents_per_10k (3 - 1.5) / (30 - 1.5) * 100        = 5.263
  //   patent_growth   (20 - 10) / (50 - 10) * 100         = 25
  //   index = (2 (6.809 + 3.867) / 2 + (5.263 + 25) / 2) / 3 = 8.603
  const nationalIndex = index({
    rd_intensity: ((national2021.rd_intensity - 0.6) / (6.3 - 0.6)) * 100,
    rd_per_capita: ((800 - 300) / (13230 - 300)) * 100,
    patents_per_10k: ((3 - 1.5) / (30 - 1.5)) * 100,
    patent_growth: ((20 - 10) / (50 - 10)) * 100,
  });
  // The regions' indices of 2021 as in build.test.ts: BJ 87.5, XZ 16.67.
  const regionIndex = { BJ: 87.5, XZ: 50 / 3 };

  test('the regions keep their scores and are compared with the national index', async () => {
    expect(nationalIndex).toBeCloseTo(8.603, 3);
    const rows = await readCsv(join(out.data, 'performance_groups.csv'));
    for (const region of ['BJ', 'XZ'] as const) {
      const row = find(rows, { region_code: codes[region], year: '2021', node: 'index' });
      expect(Number(row?.score)).toBeCloseTo(regionIndex[region], 10);
      expect(Number(row?.reference_score)).toBeCloseTo(nationalIndex, 10);
      expect(Number(row?.relative)).toBeCloseTo((100 * regionIndex[region]) / nationalIndex, 8);
      expect(row?.group).toBe('leader');
    }
  });

  test('2020 has no national index: no groups that year, not another reference', async () => {
    const rows = await readCsv(join(out.data, 'performance_groups.csv'));
    const index2020 = rows.filter((r) => r.year === '2020' && r.node === 'index');
    expect(index2020).toHaveLength(3);
    expect(index2020.map((r) => [r.reference_score, r.group])).toEqual([
      ['', ''],
      ['', ''],
      ['', ''],
    ]);
    expect(index2020.every((r) => r.score !== '')).toBe(true);
  });
});
