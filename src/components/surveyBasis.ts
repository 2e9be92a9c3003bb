import { formatNumber } from './formatValue';
import type { Lang } from '../lib/report.ts';

/** A survey estimate a value rests on, as the indicator and region pages list it. */
export type SurveyBasis = {
  variable: string;
  estimate: number | null;
  ci_low: number | null;
  ci_high: number | null;
  quality: string;
  suppressed: string | null;
};

/** Three significant digits, whatever the size. */
function significant(value: number | null, lang: Lang): string {
  if (value === null) return '–';
  const magnitude = Math.abs(value) > 0 ? Math.floor(Math.log10(Math.abs(value))) : 0;
  return formatNumber(value, lang, Math.max(0, Math.min(6, 2 - magnitude)));
}

/** "D licensing_rate 0.750 (0.307–1.19)": the quality letter, the variable, the estimate and its 95% interval. */
export function surveyBasisText(basis: readonly SurveyBasis[], lang: Lang): string {
  return basis
    .map(
      (s) =>
        `${s.quality} ${s.variable} ${s.estimate === null ? '–' : `${significant(s.estimate, lang)} (${significant(s.ci_low, lang)}–${significant(s.ci_high, lang)})`}`,
    )
    .join('; ');
}

/** Whether a value rests on an estimate of quality D or E (to be used with caution). */
export function needsCaution(basis: readonly SurveyBasis[]): boolean {
  return basis.some((s) => s.quality === 'D' || s.quality === 'E');
}
