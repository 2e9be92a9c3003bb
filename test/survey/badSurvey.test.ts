import { access, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { main } from '../../src/cli/cli.ts';

// A survey with a mistake in its design or its responses: exit 1, every problem with its file,
// row and column, and nothing written. And a design small enough to work by hand.

const responses = `id,stratum,weight,N,y,region
1,a,2,4,10,110000
2,a,2,4,20,110000
3,b,3,9,5,120000
4,b,3,9,7,120000
5,b,3,9,9,110000
`;
const design = `year: 2023
strata: stratum
weights: weight
fpc: [N]
estimates:
  - {variable: y_total, statistic: total, of: y}
  - {variable: y_mean, statistic: mean, of: y, by: region}
quality: {publish_e: true}
`;

async function survey(files: Record<string, string>) {
  const dir = await mkdtemp(join(tmpdir(), 'ipindex-survey-'));
  const all: Record<string, string> = { 'responses.csv': responses, 'design.yaml': design, ...files };
  for (const [name, text] of Object.entries(all)) await writeFile(join(dir, name), text);
  const stdout: string[] = [];
  const stderr: string[] = [];
  const out = join(dir, 'out');
  const code = await main(
    ['estimate', dir, '--out', out],
    (l) => stdout.push(l),
    (l) => stderr.push(l),
  );
  return { code, dir, out, stdout: stdout.join('\n'), stderr: stderr.join('\n').replaceAll(`${dir}/`, '') };
}

describe('ipindex estimate on a design worked by hand', () => {
  test('a stratified sample without replacement: total, its se, and a domain mean', async () => {
    const { code, out } = await survey({});
    expect(code).toBe(0);
    const lines = (await readFile(join(out, 'estimates.csv'), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => l.split(','));
    const get = (variable: string, value: string) => lines.find((l) => l[2] === variable && l[5] === value)!;
    // Total: 2 (10 + 20) + 3 (5 + 7 + 9) = 123. Variance, stratum by stratum:
    // a: (1 - 2/4) x 2/1 x [(20 - 15)^2 + (40 - 30)^2 ... over the weighted values 20 and 40:
    //    mean 30, squares 100 + 100 = 200] = 200; b: weighted 15, 21, 27, mean 21, squares
    //    36 + 0 + 36 = 72, (1 - 3/9) x 3/2 x 72 = 72. se = sqrt(272).
    expect(Number(get('y_total', 'all')[6])).toBeCloseTo(123, 12);
    expect(Number(get('y_total', 'all')[7])).toBeCloseTo(Math.sqrt(272), 12);
    // Mean in 110000: (2 x 10 + 2 x 20 + 3 x 9) / (2 + 2 + 3) = 87 / 7.
    expect(Number(get('y_mean', '110000')[6])).toBeCloseTo(87 / 7, 12);
    expect(get('y_mean', '110000')[11]).toBe('3');
    // Design effect (R's svytotal deff): 272 over the variance of simple random sampling of the
    // same 5 respondents, s2 N^2 / n (1 - n / N^), s2 = sum w (y - ybar)^2 / N^ x n / (n - 1).
    const w = [2, 2, 3, 3, 3];
    const y = [10, 20, 5, 7, 9];
    const N = 13;
    const ybar = 123 / N;
    const s2 = (w.reduce((sum, wk, k) => sum + wk * (y[k]! - ybar) ** 2, 0) / N) * (5 / 4);
    expect(Number(get('y_total', 'all')[14])).toBeCloseTo(272 / (((s2 * N * N) / 5) * (1 - 5 / N)), 12);
  });
});

describe('bad surveys: exit 1, file, row and column, nothing written', () => {
  test.each([
    [
      'a weight of 0',
      { 'responses.csv': responses.replace('1,a,2,4', '1,a,0,4') },
      'responses.csv, row 2, column "weight": found "0", expected a sampling weight above 0',
    ],
    [
      'a missing weight',
      { 'responses.csv': responses.replace('3,b,3,9', '3,b,,9') },
      'responses.csv, row 4, column "weight": found a missing value, expected a sampling weight above 0',
    ],
    [
      'an fpc smaller than the sample',
      { 'responses.csv': responses.replaceAll(',2,4,', ',2,1,') },
      'responses.csv, row 2, column "N": found a population of 1 for a sample of 2 in stratum a, expected an fpc no smaller than the number of PSUs sampled in its stratum',
    ],
    [
      'a stratum with one PSU under lonely_psu: fail',
      { 'responses.csv': responses.replace('2,a,2,4,20', '2,c,2,4,20') },
      'design.yaml, column "lonely_psu": found the stratum "c" with a single PSU, and lonely_psu: fail',
    ],
    [
      'of naming no column',
      { 'design.yaml': design.replace('of: y}', 'of: why}') },
      'design.yaml, column "estimates.0.of": found "why", which is not a column of responses.csv',
    ],
    [
      'by naming no column',
      { 'design.yaml': design.replace('by: region', 'by: province') },
      'design.yaml, column "estimates.1.by": found "province", which is not a column of responses.csv',
    ],
    [
      'replicate columns missing',
      {
        'design.yaml':
          'year: 2023\nweights: weight\nreplicate: {columns: "repw*", type: JK1}\nestimates:\n  - {variable: t, statistic: total, of: y}\n',
      },
      'design.yaml, column "replicate.columns": found ["repw*"], which names no column of responses.csv',
    ],
    [
      'margins whose categories do not match the data',
      {
        'design.yaml': `${design}calibrate: {method: poststratify, margins: {region: margins.csv}}\n`,
        'margins.csv': 'category,total\n110000,10\n130000,5\n',
      },
      'margins.csv: found no total for the category "120000" of region, which respondents have',
    ],
    [
      'raking to margins the sample cannot meet',
      {
        'design.yaml': `${design}calibrate: {method: rake, margins: {stratum: strata.csv, region: regions.csv}}\n`,
        'strata.csv': 'category,total\na,10\nb,10\n',
        'regions.csv': 'category,total\n110000,5\n120000,15\n',
      },
      'design.yaml, column "calibrate": found rake calibration that does not converge: after 500 rounds the margin',
    ],
    [
      'a value that is not a number',
      { 'responses.csv': responses.replace(',7,120000', ',seven,120000') },
      'responses.csv, row 5, column "y": found "seven" (not a number), expected a number',
    ],
    [
      'an unknown key',
      { 'design.yaml': `${design}weight_trim: 3\n` },
      'design.yaml, column "weight_trim": found the unknown key "weight_trim"',
    ],
  ])('%s', async (_, files, message) => {
    const { code, stderr, out } = await survey(files);
    expect(stderr).toContain(message);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(code).toBe(1);
    await expect(access(out)).rejects.toThrow();
  });
});
