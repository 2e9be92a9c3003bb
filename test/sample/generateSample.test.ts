import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateSample, SAMPLE_OPTIONS } from '../../src/sample/generateSample.ts';
import { MISSING_CELLS } from '../../src/sample/missingCells.ts';
import { readSampleInputs, type SampleInputs } from '../../src/sample/readSampleInputs.ts';
import { sampleFiles } from '../../src/sample/sampleFiles.ts';
import { sampleRegister } from '../../src/sample/sampleRegister.ts';
import { sampleSurvey } from '../../src/sample/sampleSurvey.ts';
import type { SampleTable } from '../../src/sample/types.ts';

const DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));
const LEADERS = ['110000', '310000', '320000', '440000']; // Beijing, Shanghai, Jiangsu, Guangdong
const YEARS = SAMPLE_OPTIONS.years;

let inputs: SampleInputs;
let tables: SampleTable[];
let value: (code: string, year: number, variable: string) => number | null;
let codes: string[];

beforeAll(async () => {
  inputs = await readSampleInputs(DATA_DIR);
  tables = generateSample(inputs.regions, inputs.variables, SAMPLE_OPTIONS);
  const cells = new Map<string, number | null>();
  for (const table of tables) {
    for (const row of table.rows) {
      for (const [variable, v] of Object.entries(row.values)) {
        cells.set(`${row.region_code}/${row.year}/${variable}`, v);
      }
    }
  }
  value = (code, year, variable) => {
    const v = cells.get(`${code}/${year}/${variable}`);
    if (v === undefined) throw new Error(`no cell ${code}/${year}/${variable}`);
    return v;
  };
  codes = inputs.regions.map((r) => r.region_code);
});

const num = (v: number | null): number => {
  if (v === null) throw new Error('unexpected missing value');
  return v;
};
const nationalSum = (year: number, variable: string): number => codes.reduce((s, c) => s + num(value(c, year, variable)), 0);
const rdIntensity = (code: string, year: number): number =>
  (num(value(code, year, 'rd_expenditure')) / (num(value(code, year, 'gdp')) * 10_000)) * 100;
const topFour = (score: (code: string) => number): string[] =>
  [...codes]
    .sort((a, b) => score(b) - score(a))
    .slice(0, 4)
    .sort();

// Type-2 sample skewness, as the composite engine's outlier rule computes it.
function skewness(xs: readonly number[]): number {
  const n = xs.length;
  const mean = xs.reduce((s, x) => s + x, 0) / n;
  const d2 = xs.reduce((s, x) => s + (x - mean) ** 2, 0);
  const d3 = xs.reduce((s, x) => s + (x - mean) ** 3, 0);
  return ((Math.sqrt(n * (n - 1)) / (n - 2)) * (Math.sqrt(n) * d3)) / d2 ** 1.5;
}

describe('generateSample', () => {
  it('is deterministic for a seed and changes with it', () => {
    const again = generateSample(inputs.regions, inputs.variables, SAMPLE_OPTIONS);
    const other = generateSample(inputs.regions, inputs.variables, { ...SAMPLE_OPTIONS, seed: 7 });
    expect(again).toEqual(tables);
    expect(other).not.toEqual(tables);
  });

  it('gives every codebook variable, by dataset, for 31 provinces x 2014-2024', () => {
    expect(tables.map((t) => t.dataset)).toEqual(['economy', 'rd', 'patents', 'transfers', 'pledges', 'protection']);
    expect(tables.flatMap((t) => t.variables)).toEqual(inputs.variables.map((v) => v.variable));
    for (const table of tables) expect(table.rows).toHaveLength(31 * 11);
  });

  it('hits the published 2023 national magnitudes', () => {
    const rdYuan = nationalSum(2023, 'rd_expenditure') * 10_000;
    expect(rdYuan).toBeGreaterThan(3.0e12);
    expect(rdYuan).toBeLessThan(3.6e12);
    const intensity = (rdYuan / (nationalSum(2023, 'gdp') * 1e8)) * 100;
    expect(intensity).toBeGreaterThan(2.4);
    expect(intensity).toBeLessThan(2.8);
    expect(nationalSum(2023, 'pledge_amount')).toBeGreaterThan(1_000);
    expect(nationalSum(2023, 'pledge_amount')).toBeLessThan(20_000);
    const highValue = nationalSum(2023, 'high_value_in_force') / nationalSum(2023, 'population');
    expect(highValue).toBeGreaterThan(11);
    expect(highValue).toBeLessThan(12.5);
  });

  it('has Beijing, Shanghai, Jiangsu and Guangdong top in R&D intensity every year', () => {
    for (const year of YEARS) expect(topFour((c) => rdIntensity(c, year))).toEqual(LEADERS);
  });

  it('has the same four leading on per-capita and intensity indicators together every year', () => {
    const per10k = (variable: string) => (c: string, y: number) => (value(c, y, variable) ?? Number.NaN) / num(value(c, y, 'population'));
    const indicators = [
      rdIntensity,
      per10k('rd_fte'),
      per10k('invention_in_force'),
      per10k('high_value_in_force'),
      per10k('pct_applications'),
    ];
    for (const year of YEARS) {
      // Mean of min-max scores, skipping missing values, as the default method does.
      const scores = indicators.map((indicator) => {
        const xs = codes.map((c) => indicator(c, year));
        const finite = xs.filter(Number.isFinite);
        const [lo, hi] = [Math.min(...finite), Math.max(...finite)];
        return new Map(codes.map((c, i) => [c, (xs[i]! - lo) / (hi - lo)]));
      });
      const mean = (c: string): number => {
        const s = scores.map((m) => m.get(c)!).filter(Number.isFinite);
        return s.reduce((a, b) => a + b, 0) / s.length;
      };
      expect(topFour(mean)).toEqual(LEADERS);
    }
  });

  it('has Tibet and Qinghai as the two smallest in R&D, GDP and population every year', () => {
    for (const year of YEARS) {
      for (const variable of ['rd_expenditure', 'gdp', 'population']) {
        const smallest = [...codes].sort((a, b) => num(value(a, year, variable)) - num(value(b, year, variable))).slice(0, 2);
        expect(smallest, `${variable} ${year}`).toEqual(['540000', '630000']);
      }
    }
  });

  it('keeps every value inside the codebook range', () => {
    for (const v of inputs.variables) {
      for (const code of codes) {
        for (const year of YEARS) {
          const x = value(code, year, v.variable);
          if (x === null) continue;
          expect(Number.isFinite(x), `${v.variable} ${code} ${year}`).toBe(true);
          const where = `${v.variable} ${code} ${year}`;
          if (v.min !== null) expect(x, where).toBeGreaterThanOrEqual(v.min);
          if (v.max !== null) expect(x, where).toBeLessThanOrEqual(v.max);
        }
      }
    }
  });

  it('keeps parts below their totals and denominators above zero', () => {
    const atMost: [string, string][] = [
      ['rd_basic', 'rd_expenditure'],
      ['rd_enterprise_funds', 'rd_expenditure'],
      ['high_value_in_force', 'invention_in_force'],
      ['invention_in_force', 'patents_in_force'],
      ['invention_grants', 'patent_grants'],
      ['cases_closed_in_time', 'enforcement_cases'],
    ];
    const denominators = [
      'population',
      'gdp',
      'rd_expenditure',
      'rd_fte',
      'patents_in_force',
      'invention_in_force',
      'invention_grants',
      'patent_grants',
      'tech_contracts',
      'pledge_amount',
      'enforcement_cases',
    ];
    for (const code of codes) {
      for (const year of YEARS) {
        for (const [part, total] of atMost) {
          const p = value(code, year, part);
          const t = num(value(code, year, total));
          if (p !== null) expect(p, `${part} ${code} ${year}`).toBeLessThanOrEqual(t);
        }
        const rd = num(value(code, year, 'rd_expenditure'));
        expect(value(code, year, 'rd_basic') ?? 0).toBeLessThan(rd);
        for (const d of denominators) {
          expect(num(value(code, year, d)), `${d} ${code} ${year}`).toBeGreaterThan(0);
        }
        const cases = num(value(code, year, 'enforcement_cases'));
        const inTime = num(value(code, year, 'cases_closed_in_time'));
        expect(inTime / cases, `in time ${code} ${year}`).toBeGreaterThanOrEqual(0.9);
      }
    }
  });

  it('leaves exactly the listed cells missing', () => {
    const missing = tables.flatMap((t) =>
      t.rows.flatMap((r) =>
        Object.entries(r.values)
          .filter(([, v]) => v === null)
          .map(([variable]) => ({ region_code: r.region_code, year: r.year, variable })),
      ),
    );
    const key = (c: { region_code: string; year: number; variable: string }) => `${c.region_code}/${c.year}/${c.variable}`;
    expect(missing.map(key).sort()).toEqual(MISSING_CELLS.map(key).sort());
    expect(MISSING_CELLS.length).toBeGreaterThanOrEqual(5);
    expect(MISSING_CELLS.length).toBeLessThanOrEqual(10);
  });

  it('makes pledge growth heavily skewed in at least one year', () => {
    const growth = (c: string, year: number): number => num(value(c, year, 'pledge_amount')) / num(value(c, year - 1, 'pledge_amount')) - 1;
    const skews = YEARS.slice(1).map((year) => skewness(codes.map((c) => growth(c, year))));
    expect(Math.max(...skews)).toBeGreaterThanOrEqual(2);
  });

  it('makes PCT applications per 10k population skewed towards the leaders', () => {
    const year = 2023;
    const pct = (c: string): number => num(value(c, year, 'pct_applications'));
    const perHead = codes.map((c) => pct(c) / num(value(c, year, 'population')));
    expect(skewness(perHead)).toBeGreaterThanOrEqual(2);
    const guangdongShare = pct('440000') / nationalSum(year, 'pct_applications');
    expect(guangdongShare).toBeGreaterThan(0.25);
    expect(guangdongShare).toBeLessThan(0.45);
  });
});

describe('the committed sample in data/', () => {
  it('is exactly what the generator writes for the default seed', async () => {
    for (const file of [
      ...sampleFiles(tables, inputs.variables),
      ...sampleSurvey(inputs.regions, SAMPLE_OPTIONS.years, SAMPLE_OPTIONS.seed),
      ...sampleRegister(inputs.regions, SAMPLE_OPTIONS.years, SAMPLE_OPTIONS.seed),
    ]) {
      const committed = await readFile(join(DATA_DIR, file.name), 'utf8');
      expect(committed, file.name).toBe(file.text);
    }
  });
});
