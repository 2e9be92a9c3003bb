import * as Plot from '@observablehq/plot';
import type { Lang } from '../lib/report.ts';
import { chartWords, nameIn } from './chartWords.ts';
import { renderPlot } from './renderPlot.ts';

/** A region's index in a year. */
export type CompareTrendRow = { region_code: string; name_zh: string; name_en: string; year: number; score: number | null };

export type CompareTrendOptions = { locale: Lang; lower?: number; upper?: number };

/**
 * Every region's index over the years as a thin grey line. Each region's line and end label
 * carry the class `r-<code>` (label hidden), so that the comparison page can bring the chosen
 * regions forward in the browser without drawing the chart again.
 */
export function compareTrendChart(rows: readonly CompareTrendRow[], { locale, lower = 0, upper = 100 }: CompareTrendOptions): string {
  const words = chartWords[locale];
  const byRegion = new Map<string, CompareTrendRow[]>();
  for (const row of [...rows].sort((a, b) => a.year - b.year))
    byRegion.set(row.region_code, [...(byRegion.get(row.region_code) ?? []), row]);
  const years = [...new Set(rows.map((r) => r.year))];
  const alt =
    locale === 'zh'
      ? `各地区${Math.min(...years)}–${Math.max(...years)}年综合指数折线图，所选地区以彩色突出显示`
      : `Line chart of every region's index, ${Math.min(...years)}–${Math.max(...years)}; the chosen regions are highlighted in colour`;
  return renderPlot(
    {
      width: 640,
      height: 320,
      marginLeft: 40,
      marginRight: 100,
      x: { label: null, tickFormat: 'd', ticks: Math.min(years.length, 11) },
      y: { domain: [lower, upper], label: `↑ ${words.index}`, grid: true },
      marks: [...byRegion].flatMap(([code, series]) => [
        Plot.lineY(series, { x: 'year', y: 'score', stroke: 'currentColor', strokeOpacity: 0.18, className: `r-${code} series` }),
        Plot.text(series.filter((r) => r.score !== null).slice(-1), {
          x: 'year',
          y: 'score',
          text: (r: CompareTrendRow) => nameIn(locale, r),
          textAnchor: 'start',
          dx: 6,
          className: `r-${code} end-label`,
        }),
      ]),
    },
    alt,
  );
}
