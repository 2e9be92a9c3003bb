import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { asemFixture as fixture, buildAsem, readCsv, relative } from './buildAsem.ts';

// COINr's normalisations beyond those of the reference build, on the ASEM example: Borda
// (n_borda: rank - 1, ties sharing the lower rank), fraction of max (n_fracmax: x / max) and
// the z-score with a chosen mean and sd (n_zscore with m_sd), each worked out here from COINr's
// own treated data set (reference/dset_Treated.csv) by COINr's formulas, with each indicator
// first multiplied by its direction as COINr's Normalise does, and compared to 1e-9.

async function normalisedWith(normalise: Record<string, unknown>): Promise<{ code: number; lines: string[]; stages: Map<string, number> }> {
  const { code, lines, out } = await buildAsem((method) => ({ ...method, normalise: { over: 'year', ...normalise } }));
  if (code !== 0) return { code, lines, stages: new Map() };
  const rows = await readCsv(join(out, 'data', 'composite_stages.csv'));
  return {
    code,
    lines,
    stages: new Map(
      rows.filter((r) => r.stage === 'normalised' && r.value !== '').map((r) => [`${r.region_code} ${r.node}`, Number(r.value)]),
    ),
  };
}

/** COINr's treated values, directed: indicator -> unit -> value x direction. */
async function directed(): Promise<Map<string, Map<string, number>>> {
  const meta = await readCsv(join(fixture, 'ASEM_iMeta.csv'));
  const direction = new Map(meta.filter((m) => m.Type === 'Indicator').map((m) => [m.iCode!, Number(m.Direction)]));
  const out = new Map<string, Map<string, number>>();
  for (const row of await readCsv(join(fixture, 'reference', 'dset_Treated.csv'))) {
    for (const [code, text] of Object.entries(row)) {
      const d = direction.get(code);
      if (d === undefined || text === '') continue;
      if (!out.has(code)) out.set(code, new Map());
      out.get(code)!.set(row.uCode!, Number(text) * d);
    }
  }
  return out;
}

function compare(
  stages: Map<string, number>,
  expected: Map<string, Map<string, number>>,
  score: (x: number, column: number[]) => number | null,
): { compared: number; worst: number } {
  let compared = 0;
  let worst = 0;
  for (const [code, units] of expected) {
    const column = [...units.values()];
    for (const [unit, x] of units) {
      const actual = stages.get(`${unit} ${code}`);
      const wanted = score(x, column);
      if (wanted === null) {
        expect(actual, `${unit} ${code}`).toBeUndefined();
        continue;
      }
      expect(actual, `${unit} ${code}`).toBeDefined();
      const difference = relative(wanted, actual!);
      worst = Math.max(worst, difference);
      compared++;
      expect(difference, `${unit} ${code}: ${wanted} against ${actual}`).toBeLessThanOrEqual(1e-9);
    }
  }
  return { compared, worst };
}

describe("COINr's other normalisations on the ASEM example", () => {
  test('Borda: rank - 1, ties sharing the lower rank', async () => {
    const { code, lines, stages } = await normalisedWith({ method: 'borda' });
    expect(code, lines.join('\n')).toBe(0);
    const { compared } = compare(stages, await directed(), (x, column) => column.filter((y) => y < x).length);
    expect(compared).toBe(51 * 49);
  });

  test('fraction of max: x / max; no score where the max is 0 (COINr: NaN or -Inf)', async () => {
    const { code, lines, stages } = await normalisedWith({ method: 'fraction_of_max' });
    expect(code, lines.join('\n')).toBe(0);
    // Indicators with direction -1 are negative once directed: x / max is COINr's formula all the
    // same (and is why the method is meant for indicators above 0 with direction 1).
    const noMax = ['CostImpEx', 'Tariff', 'Poverty'].length * 51;
    expect(compare(stages, await directed(), (x, column) => (Math.max(...column) === 0 ? null : x / Math.max(...column))).compared).toBe(
      51 * 49 - noMax,
    );
  });

  test('z-score with mean 10 and sd 2; lower and upper refused with it', async () => {
    const { code, lines, stages } = await normalisedWith({ method: 'zscore', mean: 10, sd: 2 });
    expect(code, lines.join('\n')).toBe(0);
    expect(lines.join('\n')).toContain('zscore (mean 10, sd 2) per year');
    const score = (x: number, column: number[]) => {
      const mean = column.reduce((a, b) => a + b, 0) / column.length;
      const sd = Math.sqrt(column.reduce((a, b) => a + (b - mean) ** 2, 0) / (column.length - 1));
      return ((x - mean) / sd) * 2 + 10;
    };
    expect(compare(stages, await directed(), score).compared).toBe(51 * 49);

    const refused = await normalisedWith({ method: 'zscore', lower: 6, upper: 14 });
    expect(refused.code).toBe(1);
    expect(refused.lines.join('\n')).toContain('no lower for zscore, whose scores are not bounded: give its mean and sd instead');
  });
});
