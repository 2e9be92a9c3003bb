import * as Plot from '@observablehq/plot';
import type { Lang } from '../lib/report.ts';
import { chartWords } from './chartWords.ts';
import { renderPlot } from './renderPlot.ts';
import { trendFrame } from './trendFrame.ts';

/** A year of a region's index: its score and rank, and the mean of all regions. */
export type RegionTrendRow = { year: number; score: number | null; rank: number | null; national: number | null };

/** narrow: drawn for a phone's screen (trendFrame.ts), the rank written at the first and last year only. */
export type RegionTrendOptions = { locale: Lang; name: string; lower?: number; upper?: number; narrow?: boolean };

/** A region's index over the years against the mean of the regions, each point labelled with its rank. */
export function regionTrendChart(
  rows: readonly RegionTrendRow[],
  { locale, name, lower = 0, upper = 100, narrow = false }: RegionTrendOptions,
): string {
  const words = chartWords[locale];
  const data = [...rows].sort((a, b) => a.year - b.year);
  const scored = data.filter((r) => r.score !== null);
  const first = scored[0];
  const last = scored.at(-1);
  const alt =
    first && last
      ? locale === 'zh'
        ? `${name}${first.year}–${last.year}年综合指数折线图：得分由${first.score?.toFixed(1)}（第${first.rank}名）变为${last.score?.toFixed(1)}（第${last.rank}名），虚线为各地区平均`
        : `Line chart of ${name}'s index, ${first.year}–${last.year}: from ${first.score?.toFixed(1)} (rank ${first.rank}) to ${last.score?.toFixed(1)} (rank ${last.rank}); the dashed line is the mean of the regions`
      : name;
  const frame = trendFrame(data.length, narrow, 90);
  const ranked = narrow ? [scored[0], scored.at(-1)].filter((r): r is RegionTrendRow => r !== undefined) : scored;
  return renderPlot(
    {
      width: frame.width,
      height: 260,
      marginLeft: 40,
      marginRight: frame.marginRight,
      x: { label: null, tickFormat: 'd', ticks: frame.ticks },
      y: { domain: [lower, upper], label: `↑ ${words.index}`, grid: true },
      marks: [
        Plot.lineY(data, { x: 'year', y: 'national', stroke: 'currentColor', strokeOpacity: 0.6, strokeDasharray: '4 3' }),
        Plot.lineY(data, { x: 'year', y: 'score', stroke: '#4269d0', strokeWidth: 2.5 }),
        Plot.dot(scored, { x: 'year', y: 'score', fill: '#4269d0', r: 3 }),
        Plot.text(ranked, {
          x: 'year',
          y: 'score',
          text: (r: RegionTrendRow) => (locale === 'zh' ? `第${r.rank}` : `#${r.rank}`),
          dy: -10,
          fontSize: 11,
        }),
        Plot.text(data.filter((r) => r.national !== null).slice(-1), {
          x: 'year',
          y: 'national',
          text: () => words.mean,
          textAnchor: 'start',
          dx: 8,
          fillOpacity: 0.8,
        }),
        Plot.text(scored.slice(-1), {
          x: 'year',
          y: 'score',
          text: () => name,
          textAnchor: 'start',
          dx: 8,
          fill: '#4269d0',
          fontWeight: 'bold',
        }),
      ],
    },
    alt,
  );
}
