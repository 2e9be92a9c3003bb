import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { asemFixture as fixture, buildAsem, readCsv } from './buildAsem.ts';

// COINr's PCA weights (get_PCA: each group's first principal component, prcomp's rotation[, 1],
// signed) on the ASEM example, against base R's prcomp on COINr's normalised data
// (reference/pca_rotation.csv, written by reference/pca_rotation.R). R leaves each vector's sign
// to its SVD; ipindex makes the largest loading positive; the weights within a pillar, and so
// the aggregates, are the same either way.

describe("COINr's PCA weights on the ASEM example", () => {
  test("pca_signed: each pillar's first principal component, signed, to 1e-9", { timeout: 60_000 }, async () => {
    const { code, lines, out } = await buildAsem((method) => ({ ...method, weights: { method: 'pca_signed' } }));
    expect(code, lines.join('\n')).toBe(0);
    const ours = new Map((await readCsv(join(out, 'data', 'effective_weights.csv'))).map((r) => [r.code!, Number(r.weight)]));
    const reference = await readCsv(join(fixture, 'reference', 'pca_rotation.csv'));
    const pillars = [...new Set(reference.map((r) => r.parent!))];
    expect(pillars).toHaveLength(8);
    let negative = 0;
    for (const pillar of pillars) {
      const rows = reference.filter((r) => r.parent === pillar);
      const largest = rows.reduce((a, b) => (Math.abs(Number(b.loading)) > Math.abs(Number(a.loading)) ? b : a));
      const sign = Math.sign(Number(largest.loading));
      for (const r of rows) {
        const expected = sign * Number(r.loading);
        const actual = ours.get(r.iCode!)!;
        expect(Math.abs(actual - expected), `${pillar} ${r.iCode}: R ${expected}, ipindex ${actual}`).toBeLessThanOrEqual(
          1e-9 * Math.max(1, Math.abs(expected)),
        );
        if (actual < 0) negative++;
      }
      // A unit vector, as prcomp's.
      expect(rows.reduce((s, r) => s + ours.get(r.iCode!)! ** 2, 0)).toBeCloseTo(1, 12);
    }
    // Some indicators run against their pillar's first component: their weights are below 0.
    expect(negative).toBeGreaterThan(0);
  });
});
