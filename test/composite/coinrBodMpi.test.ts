import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { asemFixture, buildAsem, readCsv } from './buildAsem.ts';

// Benefit of the doubt and the Mazziotta-Pareto index on the ASEM example, against
// reference/bod_mpi.csv: each pillar by Compind's ci_bod (solved by lpSolve from COINr's
// normalised data set; ipindex gives it in percent of the frontier, times 100) and ci_mpi (from COINr's treated data set as z-scores, mean 100, sd 10),
// written by R (reference/bod_mpi.R says how). Compared to 1e-9, unit by unit.
const fixture = asemFixture;

/** The pillars' scores a build aggregated: "unit pillar" -> score. */
async function pillars(out: string): Promise<Map<string, number>> {
  const rows = await readCsv(join(out, 'data', 'composite_stages.csv'));
  return new Map(rows.filter((r) => r.stage === 'aggregated').map((r) => [`${r.region_code} ${r.node}`, Number(r.value)]));
}

async function reference(column: 'bod' | 'mpi'): Promise<Map<string, number>> {
  const rows = await readCsv(join(fixture, 'reference', 'bod_mpi.csv'));
  return new Map(rows.map((r) => [`${r.uCode} ${r.pillar}`, Number(r[column])]));
}

describe('benefit of the doubt and the Mazziotta-Pareto index on the ASEM example', () => {
  test("the pillars by benefit of the doubt are Compind's ci_bod, unit by unit", { timeout: 60_000 }, async () => {
    const { code, lines, out } = await buildAsem((m) => ({
      ...m,
      aggregate: { method: 'arithmetic', levels: { 2: 'bod' } },
      uncertainty: { runs: 0 },
    }));
    expect(code, lines.join('\n')).toBe(0);
    const actual = await pillars(out);
    const expected = await reference('bod');
    expect(expected.size).toBe(51 * 8);
    for (const [key, value] of expected) expect(Math.abs(actual.get(key)! / 100 - value), key).toBeLessThan(1e-9);
    // The frontier: in every pillar some unit scores 100, none above.
    for (const pillar of new Set([...expected.keys()].map((k) => k.split(' ')[1]))) {
      const scores = [...expected.keys()].filter((k) => k.endsWith(` ${pillar}`)).map((k) => actual.get(k)!);
      expect(Math.abs(Math.max(...scores) - 100), pillar).toBeLessThan(1e-10);
    }
    // The weights each unit was scored with are published, and give its score.
    const weights = await readCsv(join(out, 'data', 'bod_weights.csv'));
    const normalised = (await readCsv(join(out, 'data', 'composite_stages.csv'))).filter((r) => r.stage === 'normalised');
    const score = new Map(normalised.map((r) => [`${r.region_code} ${r.node}`, Number(r.value)]));
    const aus = weights.filter((w) => w.region_code === 'AUS' && w.node === 'Physical');
    expect(aus.length).toBeGreaterThan(1);
    const sum = aus.reduce((s, w) => s + Number(w.weight) * score.get(`AUS ${w.child}`)!, 0);
    expect(Math.abs(sum / 100 - expected.get('AUS Physical')!)).toBeLessThan(1e-9);
    // Contributions add up to the index, the BoD level weighing each indicator by its region's own weight.
    const contributions = await readCsv(join(out, 'data', 'contributions.csv'));
    const scores = await readCsv(join(out, 'data', 'scores.csv'));
    for (const unit of ['AUS', 'CHN', 'NOR']) {
      const index = Number(scores.find((r) => r.region_code === unit && r.node === 'Index')?.score);
      const added = contributions.filter((c) => c.region_code === unit).reduce((s, c) => s + Number(c.contribution), 0);
      expect(Math.abs(added - index), unit).toBeLessThan(1e-9);
    }
  });

  test("the pillars by the Mazziotta-Pareto index are Compind's ci_mpi, unit by unit", { timeout: 60_000 }, async () => {
    const { code, lines, out } = await buildAsem((m) => ({
      ...m,
      normalise: { method: 'zscore', mean: 100, sd: 10, over: 'year' },
      aggregate: { method: 'arithmetic', levels: { 2: 'mpi' } },
      uncertainty: { runs: 0 },
    }));
    expect(code, lines.join('\n')).toBe(0);
    const actual = await pillars(out);
    const expected = await reference('mpi');
    for (const [key, value] of expected) expect(Math.abs(actual.get(key)! - value) / value, key).toBeLessThan(1e-9);
  });

  test('refused where they cannot work: MPI without z-scores, BoD on z-scores, either with the uncertainty runs', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ aggregate: { method: 'mpi' }, uncertainty: { runs: 0 } }, 'zscore with a positive mean'],
      [
        { normalise: { method: 'zscore', mean: 100, sd: 10 }, aggregate: { method: 'bod' }, uncertainty: { runs: 0 } },
        'BoD, need scores of 0 or more',
      ],
      [{ aggregate: { method: 'bod' }, uncertainty: { runs: 100 } }, 'expected 0 with aggregate bod'],
      [{ aggregate: { method: 'arithmetic' }, uncertainty: { runs: 10, aggregate: ['mpi'] } }, 'do not redo the Mazziotta-Pareto index'],
    ];
    for (const [changes, message] of cases) {
      const { code, lines } = await buildAsem((m) => ({ ...m, ...changes }));
      expect(code).toBe(1);
      expect(lines.join('\n')).toContain(message);
    }
  });
});
