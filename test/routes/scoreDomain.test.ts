import { describe, expect, test } from 'vitest';
import type { Report } from '../../src/lib/report.ts';
import { scoreDomain } from '../../src/routes/scoreDomain.ts';

// Charts draw every score of a report on one scale: min-max's [lower, upper] while every level is
// a mean of its children, which stays within it; the scores' own span where a level is not
// (Copeland's rule runs from -(n - 1) to n - 1, a penalised MPI below its mean).
const report = (aggregate: Record<string, unknown>, scores: number[]) =>
  ({
    method: { normalise: { method: 'minmax', lower: 0, upper: 100 }, aggregate },
    nodeScores: scores.map((score) => ({ score })),
  }) as unknown as Report;

describe('scoreDomain', () => {
  test('min-max bounds when every level is a mean', () => {
    expect(scoreDomain(report({ method: 'arithmetic', levels: { 3: 'geometric' } }, [12, 80]))).toEqual({ lower: 0, upper: 100 });
  });

  test("the scores' span when a level is aggregated by BoD or Copeland's rule", () => {
    expect(scoreDomain(report({ method: 'arithmetic', levels: { 2: 'bod' } }, [42, 97]))).toEqual({ lower: 0, upper: 97 });
    expect(scoreDomain(report({ method: 'copeland', levels: {} }, [-30, 12, 30]))).toEqual({ lower: -30, upper: 30 });
  });
});
