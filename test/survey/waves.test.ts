import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { InputError } from '../../src/lib/InputError.ts';
import { estimateSurvey } from '../../src/survey/estimateSurvey.ts';

// One file holding two waves (year: <column>): each year is estimated as the sample it is, so
// the estimates equal those of each year's rows given as a survey of their own.

const header = 'id,wave,stratum,weight,N,y';
const wave2022 = ['1,2022,a,2,4,10', '2,2022,a,2,4,20', '3,2022,b,3,9,5', '4,2022,b,3,9,7', '5,2022,b,3,9,9'];
const wave2023 = ['6,2023,a,2,4,12', '7,2023,a,2,4,18', '8,2023,b,3,9,4', '9,2023,b,3,9,8', '10,2023,b,3,9,11'];
const design = (year: string) =>
  `year: ${year}\nstrata: stratum\nweights: weight\nfpc: [N]\nquality: {publish_e: true}\nestimates:\n  - {variable: t, statistic: total, of: y}\n  - {variable: m, statistic: mean, of: y, by: stratum}\n`;

async function survey(rows: string[], year: string) {
  const dir = await mkdtemp(join(tmpdir(), 'ipindex-waves-'));
  await writeFile(join(dir, 'responses.csv'), `${[header, ...rows].join('\n')}\n`);
  await writeFile(join(dir, 'design.yaml'), design(year));
  return estimateSurvey(dir, 'survey', 'waves');
}

describe('a survey of several waves', () => {
  test('each year estimated as its own sample', async () => {
    const both = await survey([...wave2023, ...wave2022], 'wave');
    expect(both.waves.map((w) => [w.year, w.load.respondents])).toEqual([
      [2022, 5],
      [2023, 5],
    ]);
    const alone = [...(await survey(wave2022, '2022')).estimates, ...(await survey(wave2023, '2023')).estimates];
    expect(both.estimates).toEqual(alone);
    // 2022 is the hand-worked design of badSurvey.test.ts: total 123, se sqrt(272).
    const total2022 = both.estimates.find((e) => e.year === 2022 && e.variable === 't');
    expect(total2022?.estimate).toBeCloseTo(123, 12);
    expect(total2022?.se).toBeCloseTo(Math.sqrt(272), 12);
  });

  test('a cell of the year column that is not a year: its row and column', async () => {
    const error = await survey([...wave2022, '6,20x3,a,2,4,12'], 'wave').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).problems).toEqual([
      { file: 'survey/responses.csv', row: 7, column: 'wave', found: '"20x3"', expected: 'a year such as 2023' },
    ]);
  });
});
