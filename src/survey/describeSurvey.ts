import type { SurveyResult } from './estimateSurvey.ts';

/** The lines `ipindex estimate` prints: the design in brief, then the cells by quality. */
export function describeSurvey(result: SurveyResult): string[] {
  const { design, estimates } = result;
  const n = (x: number) => x.toLocaleString('en-US');
  const waves = result.waves.map(({ year, load }) => {
    const how =
      load.replicates > 0
        ? `${n(load.replicates)} ${design.replicate?.type ?? ''} replicate weights`
        : `${design.strata === undefined ? 'no strata' : `${n(load.strata)} strata`}, ${design.ids.length === 0 ? 'respondents sampled directly' : `${n(load.psus)} PSUs (${design.ids.join(' > ')})`}, lonely PSUs: ${design.lonely_psu}`;
    return `  survey ${result.name} (${year}): ${n(load.respondents)} respondents, ${how}; weights sum to ${n(Math.round(load.weightTotal))}${load.calibrated === null ? '' : ` (calibrated: ${load.calibrated})`}`;
  });
  const letters = ['A', 'B', 'C', 'D', 'E'].map((letter) => `${letter} ${estimates.filter((e) => e.quality === letter).length}`).join(', ');
  const suppressed = estimates.filter((e) => e.suppressed !== null).length;
  return [...waves, `  ${n(estimates.length)} cells; quality ${letters}; ${n(suppressed)} suppressed`];
}
