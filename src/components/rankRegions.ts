/** A region's scores on the dimensions, for re-ranking under other weights. */
export type WeightedRow = { region_code: string; scores: readonly (number | null)[] };

/**
 * Recomputes the index as the weighted arithmetic mean of the dimension scores, a missing
 * score dropping out with the other weights renormalised, and ranks it: 1 is the highest, ties
 * share the lower rank, no score no rank. The same rules as composite/21_aggregated_level.sql and
 * composite/30_scores.sql, so that the official weights give back the official ranking.
 */
export function rankRegions(
  rows: readonly WeightedRow[],
  weights: readonly number[],
): Map<string, { score: number | null; rank: number | null }> {
  const scored = rows.map((row) => {
    let sum = 0;
    let total = 0;
    row.scores.forEach((score, i) => {
      const weight = weights[i] ?? 0;
      if (score === null) return;
      sum += score * weight;
      total += weight;
    });
    return { code: row.region_code, score: total > 0 ? sum / total : null };
  });
  const result = new Map<string, { score: number | null; rank: number | null }>();
  for (const row of scored) {
    const rank = row.score === null ? null : 1 + scored.filter((other) => other.score !== null && other.score > row.score!).length;
    result.set(row.code, { score: row.score, rank });
  }
  return result;
}
