import * as Plot from '@observablehq/plot';
import type { Lang, NationalRow } from '../lib/report.ts';
import { chartWords } from './chartWords.ts';
import { renderPlot } from './renderPlot.ts';
import { indexTrendFrame } from './trendFrame.ts';

/** narrow: drawn for a phone's screen (trendFrame.ts). */
export type NationalTrendOptions = { locale: Lang; lower?: number; upper?: number; narrow?: boolean };

/**
 * The index over the years at the national level: the mean of the regions as a line, inside
 * the band from the lowest to the highest region.
 */
export function nationalTrendChart(
  rows: readonly Pick<NationalRow, 'year' | 'score_mean' | 'score_min' | 'score_max'>[],
  { locale, lower = 0, upper = 100, narrow = false }: NationalTrendOptions,
): string {
  const words = chartWords[locale];
  const data = rows.filter((r) => r.score_mean !== null).sort((a, b) => a.year - b.year);
  const first = data[0];
  const last = data.at(-1);
  const alt =
    first && last
      ? locale === 'zh'
        ? `${first.year}–${last.year}年各地区综合指数平均值折线图：由${first.score_mean?.toFixed(1)}变为${last.score_mean?.toFixed(1)}，阴影为最低至最高地区`
        : `Line chart of the mean index of the regions, ${first.year}–${last.year}: from ${first.score_mean?.toFixed(1)} to ${last.score_mean?.toFixed(1)}; the band spans the lowest to the highest region`
      : words.mean;
  return renderPlot(
    {
      ...indexTrendFrame(data.length, narrow, lower, upper, words.index),
      marks: [
        Plot.areaY(data, { x: 'year', y1: 'score_min', y2: 'score_max', fill: '#4269d0', fillOpacity: 0.15 }),
        Plot.lineY(data, { x: 'year', y: 'score_mean', stroke: '#4269d0', strokeWidth: 2, marker: 'circle' }),
        Plot.text(data.slice(-1), { x: 'year', y: 'score_mean', text: () => words.mean, textAnchor: 'start', dx: 8 }),
        Plot.text(data.slice(-1), { x: 'year', y: 'score_max', text: () => words.range, textAnchor: 'start', dx: 8, fillOpacity: 0.7 }),
      ],
    },
    alt,
  );
}
