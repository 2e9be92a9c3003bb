import type { Design } from './designSchema.ts';

/**
 * The default scale and rscales of each replicate type, as R's svrepdesign sets them for R
 * replicates: JK1 (R-1)/R; BRR 1/R; Fay 1/(R (1-rho)^2); bootstrap 1/(R-1); ACS and successive
 * difference 4/R; JKn needs rscales ((n_h - 1)/n_h for the stratum each replicate drops) and
 * has scale 1. A scale or rscales in design.yaml replaces the default.
 */
export function replicateScales(
  replicate: NonNullable<Design['replicate']>,
  count: number,
): { scale: number; rscales: number[] } | { problem: string } {
  const defaults: Record<NonNullable<Design['replicate']>['type'], number> = {
    JK1: (count - 1) / count,
    JKn: 1,
    BRR: 1 / count,
    Fay: 1 / (count * (1 - replicate.rho) ** 2),
    bootstrap: 1 / (count - 1),
    ACS: 4 / count,
    'successive-difference': 4 / count,
  };
  let rscales: number[];
  if (replicate.rscales === null) {
    if (replicate.type === 'JKn')
      return { problem: 'JKn replicate weights without rscales ((n_h - 1)/n_h of the stratum each replicate drops)' };
    rscales = Array<number>(count).fill(1);
  } else if (typeof replicate.rscales === 'number') rscales = Array<number>(count).fill(replicate.rscales);
  else {
    if (replicate.rscales.length !== count) return { problem: `${replicate.rscales.length} rscales for ${count} replicate columns` };
    rscales = replicate.rscales;
  }
  return { scale: replicate.scale ?? defaults[replicate.type], rscales };
}
