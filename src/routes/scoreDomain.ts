import type { Report } from '$lib/report';

// Every page draws on the same scale; the span of the scores is worked out once per report.
const domains = new WeakMap<Report, { lower: number; upper: number }>();

/**
 * The range scores are drawn on: the normalisation's [lower, upper] for min-max, otherwise the
 * span of the index and dimension scores, so that charts of one report share one scale.
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
  if ((normalise?.method ?? 'minmax') === 'minmax' && typeof normalise?.lower === 'number' && typeof normalise.upper === 'number') {
    return { lower: normalise.lower, upper: normalise.upper };
  }
  const scores = report.nodeScores.flatMap((s) => (s.score === null ? [] : [s.score]));
  return { lower: Math.min(0, ...scores), upper: Math.max(...scores, 1) };
}
