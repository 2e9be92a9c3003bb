import { access, cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { estimateSurvey, type SurveyEstimate } from '../../src/survey/estimateSurvey.ts';

// Conformance with R's survey package (Lumley; 4.1.1): every estimate and standard error of
// ../shared/conformance/survey/reference/ to a relative 1e-9. Each design below is the
// design.yaml equivalent of the svydesign / svrepdesign / postStratify call of that folder's
// HOW-GENERATED.R; the estimates are the same calls (svytotal, svymean, svyratio, svyby).

const fixture = '../shared/conformance/survey';
const present = await access(join(fixture, 'reference')).then(
  () => true,
  () => false,
);
if (!present)
  throw new Error(`the survey conformance fixture is not at ${fixture} (the shared folder beside the repository): these tests need it`);

type Reference = { design?: string; domain?: string; domain_value?: string; variable: string; estimate: string; se: string };
const reference = async (file: string) => parse(await readFile(join(fixture, 'reference', file), 'utf8'), { columns: true }) as Reference[];

/** A survey folder holding `data` as responses.csv and `design` as design.yaml, estimated. */
async function estimate(data: string, design: string, extra: Record<string, string> = {}): Promise<SurveyEstimate[]> {
  const dir = await mkdtemp(join(tmpdir(), 'ipindex-survey-'));
  await cp(join(fixture, data), join(dir, 'responses.csv'));
  await writeFile(join(dir, 'design.yaml'), design);
  for (const [name, text] of Object.entries(extra)) await writeFile(join(dir, name), text);
  return (await estimateSurvey(dir, 'survey', 'survey')).estimates;
}

/** Estimates of several columns at once (R's ~a + b), named <statistic>_<column>. */
const spec = (statistic: string, columns: string[], by?: string) =>
  `  - {variable: [${columns.map((c) => `${statistic}_${c}`).join(', ')}], statistic: ${statistic}, of: [${columns.join(', ')}]${by === undefined ? '' : `, by: ${by}`}}`;

/** Each reference row against the estimate of the same statistic, column and domain, to 1e-9. */
function expectConformance(rows: Reference[], estimates: SurveyEstimate[], statisticOf: (row: Reference, index: number) => string) {
  expect(rows.length).toBeGreaterThan(0);
  rows.forEach((row, i) => {
    const statistic = statisticOf(row, i);
    const key = `${statistic}_${row.variable}`;
    const found = estimates.find(
      (e) => e.variable === key && e.domain === (row.domain ?? 'all') && e.domain_value === (row.domain_value ?? 'all'),
    );
    expect(found, `${row.design ?? ''} ${key} ${row.domain}=${row.domain_value}`).toBeDefined();
    const relative = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);
    expect([key, row.domain_value, relative(found!.unsuppressed_estimate, Number(row.estimate))]).toEqual([
      key,
      row.domain_value,
      expect.any(Number),
    ]);
    expect(relative(found!.unsuppressed_estimate, Number(row.estimate)), `${key} ${row.domain_value} estimate`).toBeLessThan(1e-9);
    expect(relative(found!.unsuppressed_se!, Number(row.se)), `${key} ${row.domain_value} se`).toBeLessThan(1e-9);
  });
}

const nums = ['invention_grants', 'licence_income', 'rd_expenditure', 'employees'];
const props = ['has_patent', 'licensed', 'certified_29490'];
const stratified = `year: 2023
ids: []
strata: stratum
weights: weight
fpc: [stratum_population]
quality: {publish_e: true}
estimates:
${spec('total', nums, 'region_code')}
${spec('total', nums)}
${spec('mean', props, 'region_code')}
${spec('mean', props)}
${spec('total', nums, 'industry')}
${spec('mean', props, 'industry')}
  - {variable: ratio_ratio, statistic: ratio, of: licence_income, denominator: rd_expenditure, by: region_code}
`;

describe('R survey conformance: the stratified enterprise survey (strata, fpc, weights)', async () => {
  const estimates = await estimate('enterprise_survey.csv', stratified);
  test('totals of the numeric columns by province and overall', async () => {
    expectConformance(await reference('stratified_totals.csv'), estimates, () => 'total');
  });
  test('proportions of the 0/1 columns by province and overall', async () => {
    expectConformance(await reference('stratified_means.csv'), estimates, () => 'mean');
  });
  test('by industry, a domain that cuts across the strata', async () => {
    expectConformance(await reference('stratified_industry.csv'), estimates, (row) => (props.includes(row.variable) ? 'mean' : 'total'));
  });
  test('the ratio licence_income / rd_expenditure by province', async () => {
    expectConformance(
      (await reference('stratified_ratio.csv')).map((r) => ({ ...r, variable: 'ratio' })),
      estimates,
      () => 'ratio',
    );
  });
  test('without the finite population correction', async () => {
    const nofpc = await estimate(
      'enterprise_survey.csv',
      `year: 2023\nstrata: stratum\nweights: weight\nquality: {publish_e: true}\nestimates:\n${spec('total', ['invention_grants'], 'region_code')}\n${spec('total', ['invention_grants'])}\n`,
    );
    expectConformance(await reference('stratified_totals_nofpc.csv'), nofpc, () => 'total');
  });
});

// In api_linearised.csv and its kin each design's rows come from svymean(~... + enroll), then
// svytotal(~enroll), then svyby(~api00, ~stype, svymean): enroll's second row is its total.
const apiStatistic = (_rows: Reference[]) => {
  const seen = new Set<string>();
  return (row: Reference) => {
    const key = `${row.design}|${row.domain}|${row.domain_value}|${row.variable}`;
    const again = seen.has(key);
    seen.add(key);
    return again || (row.design === 'apiclus2' && row.variable === 'enroll') ? 'total' : 'mean';
  };
};
const apiEstimates = (byStype: boolean, overall: string[]) =>
  `${spec('mean', overall)}\n${spec('total', ['enroll'])}${byStype ? `\n${spec('mean', ['api00'], 'stype')}` : ''}\n`;

describe('R survey conformance: the api samples (stratified, one- and two-stage cluster)', () => {
  test('apistrat: strata stype, fpc, weights pw; and the ratio api00/api99', async () => {
    const estimates = await estimate(
      'apistrat.csv',
      `year: 2000\nstrata: stype\nweights: pw\nfpc: fpc\nquality: {publish_e: true}\nestimates:\n${apiEstimates(true, ['api00', 'api99', 'enroll'])}  - {variable: ratio_api00, statistic: ratio, of: api00, denominator: api99}\n`,
    );
    const rows = (await reference('api_linearised.csv')).filter((r) => r.design === 'apistrat');
    expectConformance(rows, estimates, apiStatistic(rows));
    expectConformance(
      (await reference('api_ratio.csv')).map((r) => ({ ...r, variable: 'api00' })),
      estimates,
      () => 'ratio',
    );
  });
  test('apiclus1: one-stage cluster sample of districts', async () => {
    const estimates = await estimate(
      'apiclus1.csv',
      `year: 2000\nids: [dnum]\nweights: pw\nfpc: fpc\nquality: {publish_e: true}\nestimates:\n${apiEstimates(true, ['api00', 'enroll'])}`,
    );
    const rows = (await reference('api_linearised.csv')).filter((r) => r.design === 'apiclus1');
    expectConformance(rows, estimates, apiStatistic(rows));
  });
  test('apiclus2: two-stage cluster sample (districts, then schools), weights from the fpcs', async () => {
    const estimates = await estimate(
      'apiclus2.csv',
      `year: 2000\nids: [dnum, snum]\nfpc: [fpc1, fpc2]\nquality: {publish_e: true}\nestimates:\n${spec('mean', ['api00'])}\n${spec('total', ['enroll'])}\n`,
    );
    const rows = (await reference('api_linearised.csv')).filter((r) => r.design === 'apiclus2');
    expectConformance(rows, estimates, apiStatistic(rows));
  });
  test('apiclus1 with its JK1 replicate weights', async () => {
    const scale = (14 / 15) * (1 - 15 / 757);
    const estimates = await estimate(
      'apiclus1_jk1.csv',
      `year: 2000\nweights: pw\nreplicate: {columns: "repw*", type: JK1, scale: ${scale}}\nquality: {publish_e: true}\nestimates:\n${apiEstimates(true, ['api00', 'enroll'])}`,
    );
    const rows = await reference('api_jk1.csv');
    expectConformance(rows, estimates, apiStatistic(rows));
  });
  test('apiclus1 post-stratified to the school types', async () => {
    const estimates = await estimate(
      'apiclus1.csv',
      `year: 2000\nids: [dnum]\nweights: pw\nfpc: fpc\ncalibrate: {method: poststratify, margins: {stype: margins_stype.csv}}\nquality: {publish_e: true}\nestimates:\n${apiEstimates(false, ['api00', 'enroll'])}`,
      { 'margins_stype.csv': 'category,total\nE,4421\nH,755\nM,1018\n' },
    );
    const rows = await reference('api_poststratified.csv');
    expectConformance(rows, estimates, apiStatistic(rows));
  });
});

describe('the fast reader and the careful one', () => {
  test('give the same estimates on the enterprise survey (to 1e-12: the sums run in another order)', async () => {
    const fast = await estimate('enterprise_survey.csv', stratified);
    // A quoted header sends the file to the careful reader (readResponsesFast.ts).
    const text = await readFile(join(fixture, 'enterprise_survey.csv'), 'utf8');
    const dir = await mkdtemp(join(tmpdir(), 'ipindex-survey-'));
    const [header, ...rest] = text.split('\n');
    await writeFile(
      join(dir, 'responses.csv'),
      [
        header!
          .split(',')
          .map((h) => `"${h}"`)
          .join(','),
        ...rest,
      ].join('\n'),
    );
    await writeFile(join(dir, 'design.yaml'), stratified);
    const careful = (await estimateSurvey(dir, 'survey', 'survey')).estimates;
    expect(careful).toHaveLength(fast.length);
    careful.forEach((c, i) => {
      const f = fast[i]!;
      for (const key of Object.keys(c) as (keyof typeof c)[]) {
        const [a, b] = [c[key], f[key]];
        if (typeof a === 'number' && typeof b === 'number')
          expect(Math.abs(a - b), `${c.variable} ${c.domain_value} ${key}`).toBeLessThanOrEqual(1e-12 * Math.abs(b));
        else expect([c.variable, c.domain_value, key, a]).toEqual([f.variable, f.domain_value, key, b]);
      }
    });
    expect(fast.length).toBeGreaterThan(300);
  });
});

describe('design effects, as R gives them', () => {
  test("the proportion with patents overall: R's variance over simple random sampling's (svymean deff)", async () => {
    const estimates = await estimate('enterprise_survey.csv', stratified);
    const rows = parse(await readFile(join(fixture, 'enterprise_survey.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    // The complete cases of R's ~has_patent + licensed + certified_29490 (none missing).
    const w = rows.map((r) => Number(r.weight));
    const y = rows.map((r) => Number(r.has_patent));
    const n = rows.length;
    const N = w.reduce((a, b) => a + b, 0);
    const ybar = w.reduce((a, wk, k) => a + wk * y[k]!, 0) / N;
    const s2 = (w.reduce((a, wk, k) => a + wk * (y[k]! - ybar) ** 2, 0) / N) * (n / (n - 1));
    const seR = Number((await reference('stratified_means.csv')).find((r) => r.domain === 'all' && r.variable === 'has_patent')!.se);
    const deff = seR ** 2 / ((s2 / n) * ((N - n) / N));
    const found = estimates.find((e) => e.variable === 'mean_has_patent' && e.domain === 'all')!;
    expect(Math.abs(found.deff! / deff - 1)).toBeLessThan(1e-9);
  });
});
