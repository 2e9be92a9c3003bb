import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { expect, test } from 'vitest';
import { estimateSurvey } from '../../src/survey/estimateSurvey.ts';

// A design of three stages of clusters, each with its fpc, against R survey 4.1.1
// (test/fixtures/survey-three-stage/: its README says what the data and the calls are).

const fixture = 'test/fixtures/survey-three-stage';
type Reference = { domain: string; domain_value: string; variable: string; statistic: string; estimate: string; se: string };

test("three stages of clusters: R survey's estimates and standard errors to 1e-9", async () => {
  const dir = await mkdtemp(join(tmpdir(), 'ipindex-three-stages-'));
  await cp(join(fixture, 'responses.csv'), join(dir, 'responses.csv'));
  await writeFile(
    join(dir, 'design.yaml'),
    `year: 2023
ids: [district, school, class]
strata: stratum
fpc: [N1, N2, N3]
nest: true
quality: {publish_e: true}
estimates:
  - {variable: [total_rd_expenditure], statistic: total, of: [rd_expenditure]}
  - {variable: [total_rd_expenditure], statistic: total, of: [rd_expenditure], by: size}
  - {variable: total_staff, statistic: total, of: staff}
  - {variable: total_staff, statistic: total, of: staff, by: size}
  - {variable: mean_licensed, statistic: mean, of: licensed}
  - {variable: mean_licensed, statistic: mean, of: licensed, by: size}
  - {variable: ratio_rd_expenditure, statistic: ratio, of: rd_expenditure, denominator: staff}
`,
  );
  const { estimates, waves } = await estimateSurvey(dir, 'survey', 'survey');
  expect(waves[0]?.load.psus).toBe(19);
  const reference = parse(await readFile(join(fixture, 'reference.csv'), 'utf8'), { columns: true }) as Reference[];
  expect(reference.length).toBe(10);
  for (const row of reference) {
    const found = estimates.find(
      (e) => e.variable === `${row.statistic}_${row.variable}` && e.domain === row.domain && e.domain_value === row.domain_value,
    );
    expect(found, `${row.statistic} ${row.variable} ${row.domain_value}`).toBeDefined();
    expect(Math.abs(found!.unsuppressed_estimate / Number(row.estimate) - 1), `${row.variable} ${row.domain_value} estimate`).toBeLessThan(
      1e-9,
    );
    expect(Math.abs(found!.unsuppressed_se! / Number(row.se) - 1), `${row.variable} ${row.domain_value} se`).toBeLessThan(1e-9);
  }
});
