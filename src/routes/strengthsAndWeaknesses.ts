/** An indicator of a region in a year, with its rank among the regions that have a score for it. */
export type RankedIndicator = {
  code: string;
  name_zh: string;
  name_en: string;
  unit: string;
  decimals: number;
  value: number | null;
  score: number | null;
  /** Its rank among the regions (1 = best after the indicator's direction). */
  rank: number | null;
  /** How many regions have a rank for it that year. */
  of: number;
};

/**
 * A region's strengths and weaknesses, as the European Innovation Scoreboard's country profiles
 * read them: the indicators on which it ranks best and worst among the regions. A strength is
 * an indicator in the top third of the ranking (rank × 3 ≤ regions ranked), a weakness one in
 * the bottom third, so that a middling rank is never either; at most `most` of each, the best
 * ranks first (ties: the higher score) and the worst first (ties: the lower score). A region
 * ranked in the middle on everything has neither, and the page says so.
 */
export function strengthsAndWeaknesses(
  indicators: readonly RankedIndicator[],
  most = 3,
): { strengths: RankedIndicator[]; weaknesses: RankedIndicator[] } {
  const ranked = indicators.filter((i): i is RankedIndicator & { rank: number } => i.rank !== null && i.of > 0);
  const strengths = ranked
    .filter((i) => i.rank * 3 <= i.of)
    .sort((a, b) => a.rank / a.of - b.rank / b.of || (b.score ?? 0) - (a.score ?? 0))
    .slice(0, most);
  const weaknesses = ranked
    .filter((i) => (i.of - i.rank + 1) * 3 <= i.of && !strengths.includes(i))
    .sort((a, b) => b.rank / b.of - a.rank / a.of || (a.score ?? 0) - (b.score ?? 0))
    .slice(0, most);
  return { strengths, weaknesses };
}
