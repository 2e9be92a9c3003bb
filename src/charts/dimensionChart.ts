import * as Plot from '@observablehq/plot';
import type { Lang } from '../lib/report.ts';
import { chartWords, nameIn } from './chartWords.ts';
import { renderPlot } from './renderPlot.ts';

/** A dimension of a region: its score and the mean of all regions. */
export type DimensionRow = { code: string; name_zh: string; name_en: string; score: number | null; national: number | null };

export type DimensionChartOptions = { locale: Lang; year: number; name: string; lower?: number; upper?: number };

/** A region's dimension scores as bars, each with a tick at the mean of the regions. */
export function dimensionChart(
  rows: readonly DimensionRow[],
  { locale, year, name, lower = 0, upper = 100 }: DimensionChartOptions,
): string {
  const words = chartWords[locale];
  const label = (r: DimensionRow) => nameIn(locale, r);
  const alt =
    locale === 'zh'
      ? `${name}${year}年各维度得分条形图（竖线为各地区平均）：${rows.map((r) => `${r.name_zh}${r.score?.toFixed(1) ?? '–'}（平均${r.national?.toFixed(1) ?? '–'}）`).join('，')}`
      : `Bar chart of ${name}'s dimension scores in ${year} (ticks: mean of the regions): ${rows.map((r) => `${r.name_en} ${r.score?.toFixed(1) ?? '–'} (mean ${r.national?.toFixed(1) ?? '–'})`).join(', ')}`;
  return renderPlot(
    {
      width: 640,
      height: 40 + rows.length * 30,
      marginLeft: locale === 'zh' ? 100 : 230,
      marginRight: 40,
      x: { domain: [lower, upper], label: `${words.score} →`, grid: true },
      y: { domain: rows.map(label), label: null, tickSize: 0 },
      marks: [
        Plot.barX(rows, { x1: lower, x2: 'score', y: label, fill: '#4269d0', insetTop: 5, insetBottom: 5 }),
        Plot.tickX(rows, { x: 'national', y: label, stroke: 'currentColor', strokeWidth: 2 }),
        Plot.text(rows, { x: 'score', y: label, text: (r: DimensionRow) => r.score?.toFixed(1), textAnchor: 'start', dx: 4 }),
        Plot.ruleX([lower]),
      ],
    },
    alt,
  );
}
