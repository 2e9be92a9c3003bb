import type { Report } from '$lib/report';

// Every page draws on the same scale; the span of the scores is worked out once per report.
const domains = new WeakMap<Report, { lower: number; upper: number }>();

/**
 * The range scores are drawn on: the normalisation's [lower, upper] for min-max when every level
 * is a mean of its children (and so stays within it), otherwise the span of the index and
 * dimension scores (Copeland's wins less defeats, MPI's penalised means, a BoD level's percent of the frontier), so that
 * charts of one report share one scale.
 */
export function scoreDomain(report: Report): { lower: number; upper: number } {
  let domain = domains.get(report);
  if (domain === undefined) {
    domain = computeDomain(report);
    domains.set(report, domain);
  }
  return domain;
}

function computeDomain(report: Report): { lower: number; upper: number } {
  const normalise = report.method.normalise as { method?: string; lower?: number; upper?: number } | undefined;
  const aggregate = report.method.aggregate as { method?: string; levels?: Record<string, string> } | undefined;
  const means = new Set(['arithmetic', 'geometric', 'harmonic', 'generalised']);
  const allMeans = [aggregate?.method ?? 'arithmetic', ...Object.values(aggregate?.levels ?? {})].every((m) => means.has(m));
  if (
    allMeans &&
    (normalise?.method ?? 'minmax') === 'minmax' &&
    typeof normalise?.lower === 'number' &&
    typeof normalise.upper === 'number'
  ) {
    return { lower: normalise.lower, upper: normalise.upper };
  }
  const scores = report.nodeScores.flatMap((s) => (s.score === null ? [] : [s.score]));
  return { lower: Math.min(0, ...scores), upper: Math.max(...scores, 1) };
}
