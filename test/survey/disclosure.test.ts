import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { estimateSurvey } from '../../src/survey/estimateSurvey.ts';

// Disclosure control on a table worked by hand: four domains of a total, weights 1.
//   A: 10, 10           total 20, 2 respondents
//   B: 100, 1, 1, 1     total 103, the largest 97% of it
//   C: 5, 5, 5, 5       total 20
//   D: 50, 40, 30, 20   total 140, the largest 36% of it
const values: Record<string, number[]> = { A: [10, 10], B: [100, 1, 1, 1], C: [5, 5, 5, 5], D: [50, 40, 30, 20] };
const responses = ['id,domain,weight,y', ...Object.entries(values).flatMap(([d, ys]) => ys.map((y, i) => `${d}${i},${d},1,${y}`))].join(
  '\n',
);

async function cells(disclosure: string) {
  const dir = await mkdtemp(join(tmpdir(), 'ipindex-disclosure-'));
  await writeFile(join(dir, 'responses.csv'), `${responses}\n`);
  await writeFile(
    join(dir, 'design.yaml'),
    `year: 2023\nweights: weight\nquality: {publish_e: true}\ndisclosure: ${disclosure}\nestimates:\n  - {variable: t, statistic: total, of: y, by: domain}\n`,
  );
  const { estimates } = await estimateSurvey(dir, 'survey', 'survey');
  return Object.fromEntries(estimates.map((e) => [e.domain_value, [e.estimate, e.suppressed]]));
}

describe('disclosure control', () => {
  test('too few respondents and a dominated total are suppressed; two suppressions protect each other', async () => {
    expect(await cells('{min_respondents: 3, dominance: {n: 1, k: 0.85}}')).toEqual({
      A: [null, 'fewer than 3 respondents'],
      B: [null, 'dominance: its 1 largest contributions make 97%'],
      C: [20, null],
      D: [140, null],
    });
  });

  test('a single suppression in a margin takes the smallest other cell with it (secondary)', async () => {
    expect(await cells('{min_respondents: 3}')).toEqual({
      A: [null, 'fewer than 3 respondents'],
      B: [103, null],
      C: [null, 'secondary: protects a suppressed cell of the same domain'],
      D: [140, null],
    });
  });

  test('nothing to protect: every cell published', async () => {
    expect(await cells('{min_respondents: 2, dominance: {n: 1, k: 0.99}}')).toEqual({
      A: [20, null],
      B: [103, null],
      C: [20, null],
      D: [140, null],
    });
  });
});
