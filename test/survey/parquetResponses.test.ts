import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, test } from 'vitest';
import { estimateSurvey, type SurveyEstimate } from '../../src/survey/estimateSurvey.ts';
import { InputError } from '../../src/lib/InputError.ts';

// A survey whose respondents come as responses.parquet (as a warehouse exports them): the same
// estimates as from the same rows in CSV, number columns stored as numbers or as text, waves by
// a year column; and bad cells named with their row and column.

const fixture = '../shared/conformance/survey/enterprise_survey.csv';
const design = `year: 2023
strata: stratum
weights: weight
fpc: [stratum_population]
quality: {publish_e: true}
estimates:
  - {variable: [t_rd, t_grants], statistic: total, of: [rd_expenditure, invention_grants], by: region_code}
  - {variable: m_licensed, statistic: mean, of: licensed, by: industry}
  - {variable: r_income, statistic: ratio, of: licence_income, denominator: rd_expenditure}
`;

/** A survey folder with `csv` written as responses.parquet by DuckDB's `select` over it (or kept as CSV). */
async function folder(csv: string, designText: string, select: string | null): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'ipindex-parquet-'));
  await writeFile(join(dir, 'design.yaml'), designText);
  if (select === null) {
    await cp(csv, join(dir, 'responses.csv'));
    return dir;
  }
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run(
    `COPY (${select.replace('FROM data', `FROM read_csv('${csv}', header = true)`)}) TO '${join(dir, 'responses.parquet')}' (FORMAT parquet)`,
  );
  connection.closeSync();
  instance.closeSync();
  return dir;
}

const key = (e: SurveyEstimate) => `${e.variable}|${e.domain_value}`;
function expectSame(found: SurveyEstimate[], expected: SurveyEstimate[]) {
  expect(found.map(key)).toEqual(expected.map(key));
  found.forEach((e, i) => {
    const x = expected[i]!;
    expect(Math.abs(e.unsuppressed_estimate / x.unsuppressed_estimate - 1), key(e)).toBeLessThan(1e-12);
    expect(Math.abs(e.unsuppressed_se! / x.unsuppressed_se! - 1), key(e)).toBeLessThan(1e-12);
    expect(e.n_respondents).toBe(x.n_respondents);
  });
}

describe('responses.parquet', async () => {
  const fromCsv = (await estimateSurvey(await folder(fixture, design, null), 'survey', 'survey')).estimates;

  test('gives the estimates of the same rows in CSV', async () => {
    const dir = await folder(fixture, design, 'SELECT * FROM data');
    expectSame((await estimateSurvey(dir, 'survey', 'survey')).estimates, fromCsv);
  });

  test('reads number columns stored as text, with missing markers, as numbers', async () => {
    const dir = await folder(
      fixture,
      design,
      "SELECT * REPLACE (CAST(weight AS VARCHAR) AS weight, coalesce(CAST(rd_expenditure AS VARCHAR), 'NA') AS rd_expenditure, CAST(region_code AS INTEGER) AS region_code) FROM data",
    );
    expectSame((await estimateSurvey(dir, 'survey', 'survey')).estimates, fromCsv);
  });

  test('estimates each wave of a year column as the CSV does', async () => {
    const sample = 'data/surveys/enterprise_ip';
    const sampleDesign = await readFile(join(sample, 'design.yaml'), 'utf8');
    const csv = (await estimateSurvey(sample, 'survey', 'survey')).estimates;
    const dir = await folder(join(sample, 'responses.csv'), sampleDesign, 'SELECT * FROM data');
    const parquet = await estimateSurvey(dir, 'survey', 'survey');
    expect(parquet.waves.map((w) => w.year)).toEqual([2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]);
    expect(parquet.estimates.map((e) => [e.year, e.variable, e.domain_value, e.estimate, e.se, e.suppressed])).toEqual(
      csv.map((e) => [e.year, e.variable, e.domain_value, e.estimate, e.se, e.suppressed]),
    );
  });

  test('a weight of 0, text in a number column and an empty stratum are named by row and column', async () => {
    const dir = await folder(
      fixture,
      design,
      "SELECT * REPLACE (CASE WHEN enterprise_id = 'E110000l0001' THEN 0 ELSE weight END AS weight, CASE WHEN enterprise_id = 'E110000l0003' THEN 'lots' ELSE CAST(invention_grants AS VARCHAR) END AS invention_grants, CASE WHEN enterprise_id = 'E110000l0004' THEN ' ' ELSE stratum END AS stratum) FROM data",
    );
    const error = await estimateSurvey(dir, 'survey', 'survey').then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).problems.map((p) => [p.file, p.row, p.column, p.found, p.expected])).toEqual([
      ['survey/responses.parquet', 3, 'invention_grants', '"lots"', 'a number'],
      ['survey/responses.parquet', 1, 'weight', '"0.0"', 'a sampling weight above 0'],
      ['survey/responses.parquet', 4, 'stratum', 'a missing value', 'the stratum of every respondent'],
    ]);
  });
});
