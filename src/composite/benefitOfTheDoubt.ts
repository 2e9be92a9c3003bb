/**
 * The weights that show a unit in its best light, by benefit of the doubt (BoD): the linear
 * programme of data envelopment analysis with one constant input, as Compind's ci_bod solves it
 * (Benchmarking::dea.dual, input orientation, constant returns), which COINr's Aggregate() calls
 * for BoD:
 *
 *   maximise  u · y₀   subject to   u · yₖ ≤ 1 for every unit k of the frontier,   u ≥ 0,
 *
 * where y₀ are the scores of the unit's children and yₖ those of each unit the frontier is built
 * from. The optimum u · y₀ is the unit's BoD efficiency, from 0 to 1 (1 on the frontier; the build
 * publishes it times 100, in percent of the frontier); the weights u
 * are one optimal choice among possibly several, the score is unique.
 *
 * Solved by the simplex method on the condensed tableau: every right-hand side is 1, so the
 * origin is a feasible start and there is no first phase; Bland's rule (the lowest index enters
 * and leaves) rules out cycling on degenerate vertices, which a frontier of many units sharing a
 * maximum has. The problems are small (a node's children by its regions), so a dense tableau of
 * (units + 1) x (children + 1) is all it takes.
 */
export function benefitOfTheDoubt(frontier: readonly (readonly number[])[], unit: readonly number[]): number[] | null {
  const m = unit.length;
  const rows = frontier.length;
  const width = m + 1;
  // Row i < rows: constraint i, columns 0..m-1 its coefficients on the nonbasic variables, column m
  // its right-hand side. Row `rows`: the objective's reduced costs, column m minus the objective.
  const t = new Float64Array((rows + 1) * width);
  frontier.forEach((y, i) => {
    for (let j = 0; j < m; j++) t[i * width + j] = y[j]!;
    t[i * width + m] = 1;
  });
  for (let j = 0; j < m; j++) t[rows * width + j] = unit[j]!;
  // Variables 0..m-1 are the weights, m..m+rows-1 the constraints' slacks.
  const nonbasic = Array.from({ length: m }, (_, j) => j);
  const basic = Array.from({ length: rows }, (_, i) => m + i);
  const eps = 1e-12;

  for (;;) {
    let enter = -1;
    for (let j = 0; j < m; j++) {
      if (t[rows * width + j]! > eps && (enter < 0 || nonbasic[j]! < nonbasic[enter]!)) enter = j;
    }
    if (enter < 0) break;
    let leave = -1;
    let ratio = Infinity;
    for (let i = 0; i < rows; i++) {
      const a = t[i * width + enter]!;
      if (a <= eps) continue;
      const r = t[i * width + m]! / a;
      if (r < ratio - eps || (Math.abs(r - ratio) <= eps && basic[i]! < basic[leave]!)) {
        ratio = r;
        leave = i;
      }
    }
    // A weight that can grow without bound: the unit is above every unit of the frontier on a
    // child on which they all score 0, and no finite score says how far.
    if (leave < 0) return null;
    pivot(t, rows + 1, width, leave, enter);
    [basic[leave], nonbasic[enter]] = [nonbasic[enter]!, basic[leave]!];
  }

  const weights = new Array<number>(m).fill(0);
  // A weight at 0 on a degenerate vertex can come out a rounding below it (-1e-19): it is 0.
  basic.forEach((variable, i) => {
    if (variable < m) weights[variable] = Math.max(0, t[i * width + m]!);
  });
  return weights;
}

/** Exchanges the basic variable of row r for the nonbasic one of column c (Tucker's pivot). */
function pivot(t: Float64Array, height: number, width: number, r: number, c: number): void {
  const p = t[r * width + c]!;
  for (let i = 0; i < height; i++) {
    if (i === r) continue;
    const f = t[i * width + c]!;
    if (f === 0) continue;
    for (let j = 0; j < width; j++) {
      if (j !== c) t[i * width + j] = t[i * width + j]! - (f * t[r * width + j]!) / p;
    }
    t[i * width + c] = -f / p;
  }
  for (let j = 0; j < width; j++) if (j !== c) t[r * width + j] = t[r * width + j]! / p;
  t[r * width + c] = 1 / p;
}
