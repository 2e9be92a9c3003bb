import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { asemFixture, buildAsem, readCsv } from './buildAsem.ts';

// COINr's Copeland aggregation (a_copeland over outrankMatrix) on the ASEM example: the eight
// pillars (level 2) by Copeland's rule from COINr's own normalised data set
// (reference/dset_Normalised.csv) and the framework's weights, worked out here as COINr's code
// does, pair by pair, and compared exactly; the levels above average the Copeland scores.
const fixture = asemFixture;

/** COINr's a_copeland of one pillar: X the units' children scores, w the children's weights. */
function copeland(units: string[], X: (number | null)[][], w: number[]): Map<string, number> {
  const total = w.reduce((a, b) => a + b, 0);
  const share = w.map((x) => x / total);
  const n = units.length;
  const orm: number[][] = units.map(() => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) orm[i]![j] = 0;
      else if (i > j) orm[i]![j] = 1 - orm[j]![i]!;
      else {
        let higher = 0;
        let equal = 0;
        X[i]!.forEach((x, k) => {
          const y = X[j]![k];
          if (x === null || y === null || y === undefined) return;
          if (x > y) higher += share[k]!;
          if (x === y) equal += share[k]!;
        });
        orm[i]![j] = higher + equal / 2;
      }
    }
  }
  return new Map(units.map((u, i) => [u, orm[i]!.reduce((s, o, j) => s + (i === j ? 0 : o > 0.5 ? 1 : o < 0.5 ? -1 : 0), 0)]));
}

describe("COINr's Copeland aggregation on the ASEM example", () => {
  test("the pillars by Copeland's rule are COINr's, unit by unit", { timeout: 60_000 }, async () => {
    const { code, lines, out } = await buildAsem((m) => ({
      ...m,
      aggregate: { method: 'arithmetic', levels: { 2: 'copeland' } },
      uncertainty: { runs: 0 },
    }));
    expect(code, lines.join('\n')).toBe(0);
    const meta = await readCsv(join(fixture, 'ASEM_iMeta.csv'));
    // COINr's units in its row order (the order of iData), as its outranking matrix has them.
    const normalised = await readCsv(join(fixture, 'reference', 'dset_Normalised.csv'));
    const order = (await readCsv(join(fixture, 'ASEM_iData.csv'))).map((r) => r.uCode!);
    normalised.sort((a, b) => order.indexOf(a.uCode!) - order.indexOf(b.uCode!));
    const stages = (await readCsv(join(out, 'data', 'composite_stages.csv'))).filter((r) => r.stage === 'aggregated');
    const pillars = meta.filter((m) => m.Type === 'Aggregate' && m.Level === '2');
    expect(pillars).toHaveLength(8);
    let compared = 0;
    for (const pillar of pillars) {
      const children = meta.filter((m) => m.Type === 'Indicator' && m.Parent === pillar.iCode);
      const X = normalised.map((row) => children.map((c) => (row[c.iCode!] === '' ? null : Number(row[c.iCode!]))));
      const expected = copeland(
        normalised.map((r) => r.uCode!),
        X,
        children.map((c) => Number(c.Weight)),
      );
      for (const [unit, score] of expected) {
        const actual = stages.find((r) => r.region_code === unit && r.node === pillar.iCode);
        expect(Number(actual?.value), `${unit} ${pillar.iCode}`).toBe(score);
        compared++;
      }
    }
    expect(compared).toBe(51 * 8);
  });

  test('refused with the uncertainty runs, and under a geometric mean', async () => {
    const withRuns = await buildAsem((m) => ({ ...m, aggregate: { method: 'copeland' }, uncertainty: { runs: 100 } }));
    expect(withRuns.code).toBe(1);
    expect(withRuns.lines.join('\n')).toContain('column "uncertainty.runs": found 100, expected 0 with aggregate copeland');
    const under = await buildAsem((m) => ({
      ...m,
      aggregate: { method: 'geometric', levels: { 2: 'copeland' } },
      uncertainty: { runs: 0 },
    }));
    expect(under.code).toBe(1);
    expect(under.lines.join('\n')).toContain('arithmetic above a copeland level');
  });
});
