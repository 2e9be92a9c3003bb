import type { SurveyResult } from './estimateSurvey.ts';

/** The lines `ipindex estimate` prints: the design in brief, then the cells by quality. */
export function describeSurvey(result: SurveyResult): string[] {
  const { design, load, estimates } = result;
  const n = (x: number) => x.toLocaleString('en-US');
  const how = load.replicates > 0
    ? `${n(load.replicates)} ${design.replicate?.type ?? ''} replicate weights`
    : `${design.strata === undefined ? 'no strata' : `${n(load.strata)} strata`}, ${n(load.psus)} ${design.ids.length === 0 ? 'respondents sampled directly' : `PSUs (${design.ids.join(' > ')})`}, lonely PSUs: ${design.lonely_psu}`;
  const letters = ['A', 'B', 'C', 'D', 'E'].map((letter) => `${letter} ${estimates.filter((e) => e.quality === letter).length}`).join(', ');
  const suppressed = estimates.filter((e) => e.suppressed !== null).length;
  return [
    `  survey ${result.name} (${design.year}): ${n(load.respondents)} respondents, ${how}; weights sum to ${n(Math.round(load.weightTotal))}${load.calibrated === null ? '' : ` (calibrated: ${load.calibrated})`}`,
    `  ${n(estimates.length)} cells; quality ${letters}; ${n(suppressed)} suppressed`,
  ];
}
