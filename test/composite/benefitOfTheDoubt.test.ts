import { describe, expect, test } from 'vitest';
import { benefitOfTheDoubt } from '../../src/composite/benefitOfTheDoubt.ts';

// The simplex of benefit of the doubt against the definition worked out the slow way: every
// vertex of {u >= 0, Y u <= 1} is where m of its constraints meet, so the best vertex, found by
// trying every m of them, is the optimum. Random frontiers, with ties and zeros on purpose (the
// degenerate vertices where a careless simplex cycles or stops early).

/** Solves A x = b by Gaussian elimination with partial pivoting; null when A is singular. */
function solve(A: number[][], b: number[]): number[] | null {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r]![c]!) > Math.abs(M[p]![c]!)) p = r;
    if (Math.abs(M[p]![c]!) < 1e-12) return null;
    [M[c], M[p]] = [M[p]!, M[c]!];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = M[r]![c]! / M[c]![c]!;
      for (let k = c; k <= n; k++) M[r]![k] = M[r]![k]! - f * M[c]![k]!;
    }
  }
  return M.map((row, i) => row[n]! / row[i]!);
}

function* combinations(n: number, k: number, start = 0): Generator<number[]> {
  if (k === 0) yield [];
  else for (let i = start; i <= n - k; i++) for (const rest of combinations(n, k - 1, i + 1)) yield [i, ...rest];
}

/** The best score over every vertex: constraints 0..K-1 are the units' (Y u = 1), K.. the axes (u_j = 0). */
function bruteForce(Y: number[][], y: number[]): number {
  const m = y.length;
  const rows = [...Y.map((r) => ({ a: r, b: 1 })), ...y.map((_, j) => ({ a: y.map((__, k) => (k === j ? 1 : 0)), b: 0 }))];
  let best = 0;
  for (const pick of combinations(rows.length, m)) {
    const u = solve(
      pick.map((i) => rows[i]!.a),
      pick.map((i) => rows[i]!.b),
    );
    if (u === null || u.some((x) => x < -1e-9) || Y.some((r) => r.reduce((s, a, j) => s + a * u[j]!, 0) > 1 + 1e-9)) continue;
    best = Math.max(
      best,
      y.reduce((s, a, j) => s + a * u[j]!, 0),
    );
  }
  return best;
}

/** A deterministic stream of numbers in [0, 1) (mulberry32), so that a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('benefitOfTheDoubt', () => {
  test('the score is the best vertex, the weights feasible, on 600 random frontiers with ties and zeros', () => {
    const next = random(29490);
    for (let trial = 0; trial < 600; trial++) {
      const m = 2 + (trial % 3);
      const units = 3 + Math.floor(next() * 7);
      // Values on a grid of 5, so that ties and shared maxima are common, some of them 0.
      const Y = Array.from({ length: units }, () => Array.from({ length: m }, () => Math.floor(next() * 5) * 25));
      if (Y.every((r) => r.every((v) => v === 0))) continue;
      for (const y of Y) {
        const u = benefitOfTheDoubt(Y, y);
        expect(u).not.toBeNull();
        const score = y.reduce((s, a, j) => s + a * u![j]!, 0);
        expect(Math.abs(score - bruteForce(Y, y)), JSON.stringify({ Y, y })).toBeLessThan(1e-12);
        expect(Math.min(...u!), JSON.stringify({ Y, y, u })).toBeGreaterThanOrEqual(0);
        for (const r of Y) expect(r.reduce((s, a, j) => s + a * u![j]!, 0)).toBeLessThan(1 + 1e-12);
      }
    }
  });

  test('a unit that leads on every child scores 1, and one behind a peer on all of them less', () => {
    const Y = [
      [80, 60],
      [40, 30],
      [20, 90],
    ];
    const score = (y: number[]) => y.reduce((s, a, j) => s + a * benefitOfTheDoubt(Y, y)![j]!, 0);
    expect(score([80, 60])).toBeCloseTo(1, 12);
    expect(score([20, 90])).toBeCloseTo(1, 12);
    // Half of the first unit on both children: half its score, whatever the weights.
    expect(score([40, 30])).toBeCloseTo(0.5, 12);
  });

  test('no finite score for a unit above the frontier on a child where the frontier has only zeros', () => {
    expect(
      benefitOfTheDoubt(
        [
          [50, 0],
          [20, 0],
        ],
        [30, 10],
      ),
    ).toBeNull();
  });
});
