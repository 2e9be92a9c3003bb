import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { estimateSurvey } from '../../src/survey/estimateSurvey.ts';

// Calibration. With one margin, raking and linear calibration are post-stratification, so
// they meet R's postStratify reference; with two margins (size and industry) on the
// enterprise survey, the weights and the variance are worked out here independently: the
// calibration equations solved by Newton's method (raking) or directly (linear), and the
// residuals of the calibration regression by least squares, in plain TypeScript.

const fixture = '../shared/conformance/survey';
type Row = Record<string, string>;

async function surveyDir(data: string, design: string, extra: Record<string, string>) {
  const dir = await mkdtemp(join(tmpdir(), 'ipindex-calibration-'));
  await cp(join(fixture, data), join(dir, 'responses.csv'));
  await writeFile(join(dir, 'design.yaml'), design);
  for (const [name, text] of Object.entries(extra)) await writeFile(join(dir, name), text);
  return (await estimateSurvey(dir, 'survey', 'survey')).estimates;
}

describe('one margin: raking and linear calibration are post-stratification (R postStratify)', () => {
  test.each(['rake', 'linear'])('%s on the school types of apiclus1', async (method) => {
    const estimates = await surveyDir(
      'apiclus1.csv',
      `year: 2000\nids: [dnum]\nweights: pw\nfpc: fpc\ncalibrate: {method: ${method}, margins: {stype: m.csv}}\nquality: {publish_e: true}\nestimates:\n  - {variable: [m_api00, m_enroll], statistic: mean, of: [api00, enroll]}\n  - {variable: t_enroll, statistic: total, of: enroll}\n`,
      { 'm.csv': 'category,total\nE,4421\nH,755\nM,1018\n' },
    );
    const reference = parse(await readFile(join(fixture, 'reference', 'api_poststratified.csv'), 'utf8'), { columns: true }) as Row[];
    const expected = [
      ['m_api00', reference[0]],
      ['m_enroll', reference[1]],
      ['t_enroll', reference[2]],
    ] as const;
    for (const [variable, row] of expected) {
      const e = estimates.find((x) => x.variable === variable)!;
      expect(Math.abs(e.unsuppressed_estimate / Number(row!.estimate) - 1)).toBeLessThan(1e-9);
      expect(Math.abs(e.unsuppressed_se! / Number(row!.se) - 1)).toBeLessThan(1e-9);
    }
  });
});

/** Solves A x = b by Gaussian elimination with partial pivoting. */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
    [m[c], m[p]] = [m[p]!, m[c]!];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r]![c]! / m[c]![c]!;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  return m.map((row, i) => row[n]! / row[i]!);
}

describe('two margins on the enterprise survey, worked out independently', async () => {
  const rows = parse(await readFile(join(fixture, 'enterprise_survey.csv'), 'utf8'), { columns: true }) as Row[];
  const frame = parse(await readFile(join(fixture, 'frame.csv'), 'utf8'), { columns: true }) as Row[];
  const sizes = ['large', 'medium', 'small'];
  const industries = [...new Set(rows.map((r) => r.industry!))].sort();
  const sizeTotals = sizes.map((s) => frame.filter((f) => f.size === s).reduce((n, f) => n + Number(f.N), 0));
  const population = sizeTotals.reduce((a, b) => a + b, 0);
  // Industry totals away from the sample's own, adding up to the same population.
  const weighted = industries.map((i) => rows.filter((r) => r.industry === i).reduce((n, r) => n + Number(r.weight), 0));
  const tilted = weighted.map((w, i) => w * [1.1, 0.9, 1.05, 0.95, 1, 1.2, 0.8][i]!);
  const industryTotals = tilted.map((t) => (t * population) / tilted.reduce((a, b) => a + b, 0));
  const margins = {
    'size.csv': `category,total\n${sizes.map((s, i) => `${s},${sizeTotals[i]}`).join('\n')}\n`,
    'industry.csv': `category,total\n${industries.map((s, i) => `${s},${industryTotals[i]}`).join('\n')}\n`,
  };
  // The calibration variables: every size, and every industry but the first (the intercept is in the sizes).
  const x = rows.map((r) => [...sizes.map((s) => Number(r.size === s)), ...industries.slice(1).map((i) => Number(r.industry === i))]);
  const totals = [...sizeTotals, ...industryTotals.slice(1)];
  const d = rows.map((r) => Number(r.weight));
  const p = totals.length;
  const dot = (a: number[], b: number[]) => a.reduce((n, v, i) => n + v * b[i]!, 0);

  function calibrated(method: 'linear' | 'rake'): number[] {
    let lambda = Array<number>(p).fill(0);
    for (let iteration = 0; iteration < 100; iteration++) {
      const g = x.map((xi) => (method === 'linear' ? 1 + dot(xi, lambda) : Math.exp(dot(xi, lambda))));
      const dg = x.map((xi) => (method === 'linear' ? 1 : Math.exp(dot(xi, lambda))));
      const misfit = totals.map((t, j) => t - x.reduce((n, xi, k) => n + d[k]! * g[k]! * xi[j]!, 0));
      if (Math.max(...misfit.map((m, j) => Math.abs(m) / (1 + totals[j]!))) < 1e-13) return g.map((gk, k) => gk * d[k]!);
      const jacobian = totals.map((_, a) => totals.map((__, b) => x.reduce((n, xi, k) => n + d[k]! * dg[k]! * xi[a]! * xi[b]!, 0)));
      lambda = lambda.map((l, j) => l + solve(jacobian, misfit)[j]!);
    }
    throw new Error('no convergence');
  }

  /** The se of a total of y under calibrated weights w: stratified, with fpc, on the regression residuals. */
  function se(w: number[], y: number[]): number {
    // Residuals of u = y on x by least squares weighted by d (the weights before calibration).
    const beta = solve(
      totals.map((_, a) => totals.map((__, b) => x.reduce((n, xi, k) => n + d[k]! * xi[a]! * xi[b]!, 0))),
      totals.map((_, a) => x.reduce((n, xi, k) => n + d[k]! * xi[a]! * y[k]!, 0)),
    );
    const z = y.map((yk, k) => w[k]! * (yk - dot(x[k]!, beta)));
    const strata = new Map<string, number[]>();
    rows.forEach((r, k) => strata.set(r.stratum!, [...(strata.get(r.stratum!) ?? []), z[k]!]));
    let v = 0;
    for (const [stratum, zs] of strata) {
      const n = zs.length;
      const N = Number(rows.find((r) => r.stratum === stratum)!.stratum_population);
      const mean = zs.reduce((a, b) => a + b, 0) / n;
      v += (1 - n / N) * (n / (n - 1)) * zs.reduce((a, b) => a + (b - mean) ** 2, 0);
    }
    return Math.sqrt(v);
  }

  test.each(['linear', 'rake'] as const)('%s: the total of invention grants and its se', async (method) => {
    const estimates = await surveyDir(
      'enterprise_survey.csv',
      `year: 2023\nstrata: stratum\nweights: weight\nfpc: [stratum_population]\ncalibrate: {method: ${method}, margins: {size: size.csv, industry: industry.csv}}\nquality: {publish_e: true}\nestimates:\n  - {variable: grants, statistic: total, of: invention_grants}\n`,
      margins,
    );
    const w = calibrated(method);
    const y = rows.map((r) => Number(r.invention_grants));
    const total = w.reduce((n, wk, k) => n + wk * y[k]!, 0);
    const e = estimates.find((row) => row.variable === 'grants')!;
    expect(Math.abs(e.unsuppressed_estimate / total - 1)).toBeLessThan(1e-9);
    expect(Math.abs(e.unsuppressed_se! / se(w, y) - 1)).toBeLessThan(1e-9);
  });
});
