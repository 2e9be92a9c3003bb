import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { formatProblem } from '../../src/lib/InputError.ts';
import { methodSchema } from '../../src/lib/methodSchema.ts';
import { main } from '../../src/cli/cli.ts';
import { readMethod } from '../../src/intake/readMethod.ts';
import { runEngine } from './runEngine.ts';

// method.yaml is checked against its schema: a wrong key or value is reported with the key's
// path and what is allowed there, and the build stops with exit code 1.

async function problemsOf(yaml: string): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'ipindex-method-'));
  await writeFile(join(dir, 'method.yaml'), yaml);
  const { problems } = await readMethod(join(dir, 'method.yaml'), 'data/method.yaml');
  return problems.map(formatProblem);
}

describe('method.yaml of the composite engine', () => {
  test('defaults keep the meaning of a method.yaml without the new sections', () => {
    const method = methodSchema.parse({});
    expect(method.normalise).toEqual({ method: 'minmax', lower: 0, upper: 100, over: 'year', mean: 0, sd: 1 });
    expect(method.screen).toEqual({ regions: 0, indicators: 0, on: 'raw' });
    expect(method.impute.method).toBe('none');
    expect(method.treat).toEqual({ method: 'none', winmax: 5, skew: 2, kurtosis: 3.5, log: true });
    expect(method.weights.method).toBe('framework');
    expect(method.aggregate).toEqual({ method: 'arithmetic', power: 2, levels: {} });
    expect(method.reference).toBe('mean');
    expect(method.groups).toEqual({ leaders: 125, strong: 100, moderate: 70 });
    expect(method.uncertainty).toEqual({ runs: 1000, seed: 1, weights: 0.25, years: 'latest', sampling: true });
  });

  test.each([
    [
      'treat:\n  winmx: 3\n',
      'data/method.yaml, column "treat.winmx": found the unknown key "winmx", expected one of "method", "winmax", "skew", "kurtosis", "log"',
    ],
    [
      'impute:\n  method: knn\n',
      'data/method.yaml, column "impute.method": found "knn", expected one of "none", "mean", "median", "group_mean", "group_median", "latest", "linear"',
    ],
    [
      'normalise:\n  method: softmax\n',
      'data/method.yaml, column "normalise.method": found "softmax", expected one of "minmax", "zscore", "rank", "percentile", "distance_to_max", "target", "reference", "borda", "fraction_of_max"',
    ],
    [
      'weights:\n  method: random\n',
      'data/method.yaml, column "weights.method": found "random", expected one of "framework", "equal", "pca", "pca_signed"',
    ],
    [
      'aggregate:\n  levels:\n    3: median\n',
      'data/method.yaml, column "aggregate.levels.3": found "median", expected one of "arithmetic", "geometric", "harmonic", "generalised", "copeland", "mpi", "bod"',
    ],
    [
      'aggregate:\n  levels:\n    1: geometric\n',
      'data/method.yaml, column "aggregate.levels.1": found "geometric", expected levels of 2 or more only (level 1 holds the indicators, which are not aggregated)',
    ],
    [
      'aggregate:\n  method: geometric\nnormalise:\n  method: zscore\n',
      'data/method.yaml, column "aggregate.method": found "geometric", expected arithmetic, since normalise zscore gives negative scores (geometric, harmonic and negative-power means, and BoD, need scores of 0 or more)',
    ],
    [
      'uncertainty:\n  aggregate: [arithmetic, harmonic]\nnormalise:\n  lower: -1\n',
      'data/method.yaml, column "uncertainty.aggregate": found ["arithmetic","harmonic"], expected arithmetic, since normalise minmax onto lower -1 gives negative scores (geometric, harmonic and negative-power means, and BoD, need scores of 0 or more)',
    ],
    ['uncertainty:\n  runs: 1.5\n', 'data/method.yaml, column "uncertainty.runs": found 1.5, expected a whole number from 0 to 100000'],
    ['uncertainty:\n  years: last\n', 'data/method.yaml, column "uncertainty.years": found "last", expected one of "latest", "all"'],
    ['uncertainty:\n  weights: 1\n', 'data/method.yaml, column "uncertainty.weights": found 1, expected a share from 0 to below 1'],
    [
      'uncertainty:\n  normalise: [minmax, ranks]\n',
      'data/method.yaml, column "uncertainty.normalise.1": found "ranks", expected one of "minmax", "zscore", "rank", "percentile", "distance_to_max", "target", "reference", "borda", "fraction_of_max"',
    ],
    ['screen:\n  regions: 2\n', 'data/method.yaml, column "screen.regions": found 2, expected a share from 0 to 1'],
    ['groups:\n  strong: 200\n', 'data/method.yaml, column "groups.strong": found 200, expected leaders > strong > moderate'],
  ])('%j', async (yaml, expected) => {
    expect(await problemsOf(yaml)).toEqual([expected]);
  });

  test('checks against the other files: the reference region, targets to normalise by, the levels named', async () => {
    const input = (method: Record<string, unknown>) =>
      runEngine({
        regions: [{ code: 'r1' }, { code: 'r2' }],
        framework: [
          { code: 'index', parent: null, level: 2 },
          { code: 'a', parent: 'index', level: 1 },
        ],
        values: [
          ['r1', 2020, 'a', 1],
          ['r2', 2020, 'a', 2],
        ],
        method,
      });
    await expect(
      input({ reference: 'r9', normalise: { method: 'target' }, aggregate: { levels: { 3: 'geometric' } } }),
    ).rejects.toMatchObject({
      problems: [
        { file: 'method.yaml', column: 'reference', found: '"r9"', expected: 'national, mean, median or a region_code of regions.csv' },
        {
          file: 'method.yaml',
          column: 'aggregate.levels.3',
          found: 'level 3, which framework.csv does not have',
          expected: 'one of the levels of its aggregates: 2',
        },
        {
          file: 'framework.csv',
          column: 'target',
          found: 'no target for "a"',
          expected: 'a target for every indicator, since method.yaml normalises by distance to target',
        },
      ],
    });
  });

  test('ipindex build stops with exit 1 and the key path, leaving nothing written', async () => {
    const data = join(await mkdtemp(join(tmpdir(), 'ipindex-method-')), 'data');
    await cp('test/fixtures/tiny', data, { recursive: true });
    await writeFile(join(data, 'method.yaml'), 'treat:\n  method: trim\n');
    const errors: string[] = [];
    const code = await main(
      ['build', data, '--out', join(data, '..', 'out'), '--no-site'],
      () => {},
      (line) => errors.push(line),
    );
    expect(code).toBe(1);
    expect(errors.join('\n')).toContain('method.yaml, column "treat.method": found "trim", expected one of "none", "winsorise"');
  });
});
