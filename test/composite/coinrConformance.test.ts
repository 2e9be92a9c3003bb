import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { asemFixture as fixture, buildAsem, readCsv, relative } from './buildAsem.ts';

// COINr's ASEM example (test/fixtures/coinr-asem/README.md): its reference outputs were computed
// by COINr 1.1.14 itself. ipindex imports the same two tables, builds them with the method the
// importer writes, and must agree with COINr at every stage to 1e-9 relative, ranks identical.
const reference = join(fixture, 'reference');
const tolerance = 1e-9;

let out: string;
let stages: Map<string, string>;

beforeAll(async () => {
  const built = await buildAsem((method) => method);
  expect(built.code, built.lines.join('\n')).toBe(0);
  out = built.out;
  stages = new Map(
    (await readCsv(join(out, 'data', 'composite_stages.csv'))).map((r) => [`${r.stage} ${r.region_code} ${r.node}`, r.value ?? '']),
  );
});

/** Compares a COINr data set (one row per unit, one column per node) with one stage of ours. */
async function compareStage(stage: string, file: string): Promise<{ compared: number; worst: number; mismatches: string[] }> {
  const mismatches: string[] = [];
  let compared = 0;
  let worst = 0;
  for (const row of await readCsv(join(reference, file))) {
    for (const [node, expected] of Object.entries(row)) {
      if (node === 'uCode') continue;
      const actual = stages.get(`${stage} ${row.uCode} ${node}`) ?? '';
      if (expected === '' || actual === '') {
        if (expected !== actual) mismatches.push(`${row.uCode} ${node}: COINr "${expected}", ipindex "${actual}"`);
        continue;
      }
      const difference = relative(Number(expected), Number(actual));
      worst = Math.max(worst, difference);
      compared++;
      if (!(difference <= tolerance)) mismatches.push(`${row.uCode} ${node}: COINr ${expected}, ipindex ${actual}`);
    }
  }
  return { compared, worst, mismatches };
}

describe('COINr conformance: the ASEM example at every stage', () => {
  test.each([
    ['denominated', 'dset_Denominated.csv', 2434],
    ['imputed', 'dset_Imputed.csv', 51 * 49],
    ['screened', 'dset_Screened.csv', 51 * 49],
    ['treated', 'dset_Treated.csv', 51 * 49],
    ['normalised', 'dset_Normalised.csv', 51 * 49],
    ['aggregated', 'dset_Aggregated.csv', 51 * (49 + 8 + 2 + 1)],
  ])('%s agrees with %s to 1e-9 relative', async (stage, file, cells) => {
    const { compared, worst, mismatches } = await compareStage(stage, file);
    expect(mismatches).toEqual([]);
    expect(compared).toBe(cells);
    expect(worst).toBeLessThanOrEqual(tolerance);
  });

  test("ranks of every node are COINr's (results_Full_ranks, ties sharing the lower rank)", async () => {
    const scores = await readCsv(join(out, 'data', 'scores.csv'));
    const rankOf = new Map(scores.map((s) => [`${s.region_code} ${s.node}`, s.rank]));
    const differences: string[] = [];
    let compared = 0;
    for (const row of await readCsv(join(reference, 'results_Full_ranks.csv'))) {
      for (const [node, rank] of Object.entries(row)) {
        if (node === 'uCode') continue;
        compared++;
        if (rankOf.get(`${row.uCode} ${node}`) !== rank)
          differences.push(`${row.uCode} ${node}: COINr ${rank}, ipindex ${rankOf.get(`${row.uCode} ${node}`)}`);
      }
    }
    expect(differences).toEqual([]);
    expect(compared).toBe(51 * (49 + 8 + 2 + 1));
  });

  test("the index table and its ranking are COINr's (results_Aggs)", async () => {
    const scores = await readCsv(join(out, 'data', 'scores.csv'));
    const index = scores
      .filter((s) => s.node === 'Index')
      .sort((a, b) => Number(a.rank) - Number(b.rank) || (a.region_code ?? '').localeCompare(b.region_code ?? ''));
    const expected = await readCsv(join(reference, 'results_Aggs.csv'));
    expect(index.map((s) => [s.region_code, s.rank])).toEqual(expected.map((r) => [r.uCode, r.Rank]));
    for (const [i, row] of expected.entries()) expect(relative(Number(index[i]?.score), Number(row.Index))).toBeLessThanOrEqual(tolerance);
    // The head of the table printed in COINr's "aggregate" vignette.
    expect(Number(scores.find((s) => s.node === 'Index' && s.region_code === 'AUS')?.score).toFixed(1)).toBe('45.8');
  });

  test("effective weights are COINr's", async () => {
    const ours = new Map((await readCsv(join(out, 'data', 'effective_weights.csv'))).map((w) => [w.code, w]));
    const expected = await readCsv(join(reference, 'effective_weights.csv'));
    expect(expected).toHaveLength(60);
    for (const row of expected) {
      const mine = ours.get(row.iCode ?? '');
      expect(mine?.level, row.iCode).toBe(row.Level);
      expect(relative(Number(mine?.weight), Number(row.Weight)), row.iCode).toBeLessThanOrEqual(tolerance);
      expect(relative(Number(mine?.effective_weight), Number(row.EffWeight)), row.iCode).toBeLessThanOrEqual(tolerance);
    }
  });

  test('treatment details: skew and kurtosis before and after, points winsorised, pass or fail (treat_details)', async () => {
    const ours = new Map((await readCsv(join(out, 'data', 'treatment.csv'))).map((t) => [t.indicator, t]));
    const expected = await readCsv(join(reference, 'treat_details.csv'));
    expect(expected).toHaveLength(49);
    const close = (a: string | undefined, b: string | undefined) => relative(Number(a), Number(b)) <= tolerance;
    for (const row of expected) {
      const mine = ours.get(row.iCode ?? '');
      const at = row.iCode;
      expect(mine?.passed_before, at).toBe(row['check_SkewKurt0.Pass']?.toLowerCase());
      expect(close(mine?.skew_before, row['check_SkewKurt0.Skew']), at).toBe(true);
      expect(close(mine?.kurtosis_before, row['check_SkewKurt0.Kurt']), at).toBe(true);
      if (row['check_SkewKurt0.Pass'] === 'TRUE') {
        expect(mine?.winsorised, at).toBe('0');
        expect(mine?.skew_winsorised, at).toBe('');
      } else {
        expect(mine?.winsorised, at).toBe(row['winsorise.nwin']);
        expect(mine?.passed_winsorised, at).toBe(row['check_SkewKurt1.Pass']?.toLowerCase());
        expect(close(mine?.skew_winsorised, row['check_SkewKurt1.Skew']), at).toBe(true);
        expect(close(mine?.kurtosis_winsorised, row['check_SkewKurt1.Kurt']), at).toBe(true);
      }
      // Every indicator passes after winsorisation, so none falls back to the log.
      expect(mine?.log_transformed, at).toBe('false');
    }
  });

  test("the points winsorised, high or low, are COINr's (treat_points), and flagged in indicators.csv", async () => {
    const units = (await readCsv(join(reference, 'dset_Treated.csv'))).map((r) => r.uCode);
    const expected: string[] = [];
    for (const [i, row] of (await readCsv(join(reference, 'treat_points.csv'))).entries()) {
      for (const [indicator, how] of Object.entries(row)) {
        if (how !== '') expect(['winhi', 'winlo']).toContain(how);
        if (how === 'winhi') expected.push(`${units[i]} ${indicator} winsorised_high`);
        if (how === 'winlo') expected.push(`${units[i]} ${indicator} winsorised_low`);
      }
    }
    const indicators = await readCsv(join(out, 'data', 'indicators.csv'));
    const treated = indicators.filter((r) => r.treatment !== '').map((r) => `${r.region_code} ${r.indicator} ${r.treatment}`);
    expect(treated.sort()).toEqual(expected.sort());
    expect(expected).toHaveLength(35);
    expect(indicators.filter((r) => r.treated === 'true')).toHaveLength(35);
    // Imputed values are flagged and keep the value COINr's group mean gave them.
    expect(indicators.filter((r) => r.imputed === 'true')).toHaveLength(2499 - 2434);
  });
});
