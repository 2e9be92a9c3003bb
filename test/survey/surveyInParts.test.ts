import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { writeLargeSurvey } from '../../src/sample/writeLargeSurvey.ts';
import { estimateSurvey } from '../../src/survey/estimateSurvey.ts';

// A survey large enough that each pass over its respondents runs in two halves side by side
// (src/survey/insertInParts.ts): the totals and their stratified standard errors against a
// computation of the same formulas here, record by record, and the same bytes at every run.

const respondents = 120_000;
const dir = await mkdtemp(join(tmpdir(), 'ipindex-survey-parts-'));
await writeLargeSurvey(dir, respondents);
type Row = Record<string, string>;
const rows = parse(await readFile(join(dir, 'responses.csv'), 'utf8'), { columns: true }) as Row[];
const columns = ['employees', 'rd_expenditure', 'invention_grants', 'licensed'];

/** Horvitz-Thompson totals by region, with (1 - n/N) n/(n-1) sum (z - mean)^2 per stratum. */
function byHand(): Map<string, { total: number; variance: number }> {
  const strata = new Map<string, { N: number; z: Map<string, number[]> }>();
  const cells = new Map<string, { total: number; variance: number }>();
  const answered = rows.filter((r) => columns.every((c) => r[c] !== ''));
  for (const r of rows) if (!strata.has(r.stratum!)) strata.set(r.stratum!, { N: Number(r.stratum_population), z: new Map() });
  for (const r of answered) {
    for (const c of columns) {
      const key = `${c}|${r.region_code}`;
      const cell = cells.get(key) ?? { total: 0, variance: 0 };
      cell.total += Number(r.weight) * Number(r[c]);
      cells.set(key, cell);
    }
  }
  const sizes = new Map<string, number>();
  for (const r of rows) sizes.set(r.stratum!, (sizes.get(r.stratum!) ?? 0) + 1);
  for (const c of columns) {
    // Each respondent is its own PSU; one who did not answer, or is of another region, has z = 0.
    const z = new Map<string, number[]>();
    for (const r of rows) {
      const value = columns.every((k) => r[k] !== '') ? Number(r.weight) * Number(r[c]) : 0;
      z.set(`${r.stratum}|${r.region_code}`, [...(z.get(`${r.stratum}|${r.region_code}`) ?? []), value]);
    }
    for (const [key, values] of z) {
      const [stratum, region] = key.split('|') as [string, string];
      const n = sizes.get(stratum)!;
      const N = strata.get(stratum)!.N;
      const mean = values.reduce((a, b) => a + b, 0) / n;
      const squares = values.reduce((a, b) => a + (b - mean) ** 2, 0);
      cells.get(`${c}|${region}`)!.variance += (((1 - n / N) * n) / (n - 1)) * squares;
    }
  }
  return cells;
}

describe('a survey estimated in two halves side by side', () => {
  test('gives the totals and standard errors of the formulas, worked out record by record', { timeout: 120_000 }, async () => {
    const { estimates } = await estimateSurvey(dir, 'survey', 'survey');
    const expected = byHand();
    expect(estimates.length).toBe(expected.size);
    for (const e of estimates) {
      const cell = expected.get(`${e.variable}|${e.domain_value}`)!;
      expect(Math.abs(e.unsuppressed_estimate / cell.total - 1)).toBeLessThan(1e-12);
      expect(Math.abs(e.unsuppressed_se! / Math.sqrt(cell.variance) - 1)).toBeLessThan(1e-9);
    }
  });

  test('gives the same numbers to the last digit at every run', { timeout: 120_000 }, async () => {
    const first = await estimateSurvey(dir, 'survey', 'survey');
    const second = await estimateSurvey(dir, 'survey', 'survey');
    expect(second.estimates).toEqual(first.estimates);
  });
});
