import * as Plot from '@observablehq/plot';
import type { Lang } from '../lib/report.ts';
import { chartWords } from './chartWords.ts';
import { renderPlot } from './renderPlot.ts';
import { drawFrame, escapedText, type ReusedFrame } from './reusedFrame.ts';
import { indexTrendFrame } from './trendFrame.ts';

/** A year of a region's index: its score and rank, and the mean of all regions. */
export type RegionTrendRow = { year: number; score: number | null; rank: number | null; national: number | null };

/** narrow: drawn for a phone's screen (trendFrame.ts), the rank written at the first and last year only. */
export type RegionTrendOptions = { locale: Lang; name: string; lower?: number; upper?: number; narrow?: boolean };

/**
 * A region's index over the years against the mean of the regions, each point labelled with its
 * rank, drawn from the Plot figure of regionTrendFigure. Every region's chart of a report has the
 * same frame (the years, the score domain, the words of the language), and at prefecture level
 * there are hundreds of them in each language: the frame is drawn by Plot once, with the first
 * region's chart, and the other regions' lines, dots and labels are laid into it, in the SVG Plot
 * writes for them, at the positions of the scales Plot made (reusedFrame.ts;
 * test/charts/regionTrendChart.test.ts checks that the two are the same text).
 */
export function regionTrendChart(rows: readonly RegionTrendRow[], options: RegionTrendOptions): string {
  const figure = regionTrendFigure(rows, options);
  const { data, scored, ranked, alt } = figure;
  // Frames are reused for charts whose every year has a mean and that have a score: others (a
  // report without regions' means, a region without scores) are drawn by Plot in full.
  if (scored.length === 0 || data.some((r) => r.national === null)) return renderPlot(figure.plot(), alt);
  const key = JSON.stringify([options.locale, options.narrow ?? false, figure.lower, figure.upper, data.map((r) => r.year)]);
  const frame = frames.get(key);
  if (frame === undefined) {
    const { drawn, frame: cut } = drawFrame(figure.plot(), alt, '<g stroke-dasharray="4 3"');
    if (cut !== null) frames.set(key, cut);
    return drawn;
  }
  const x = (r: RegionTrendRow) => frame.x.apply(r.year) as number;
  const y = (value: number) => frame.y.apply(value) as number;
  const at = (r: RegionTrendRow, value: number) => `translate(${x(r)},${y(value)})`;
  const last = scored.at(-1)!;
  const mean = data.at(-1)!;
  return [
    frame.open(alt),
    frame.axes,
    `<g stroke-dasharray="4 3" stroke-linecap="round" stroke-linejoin="round" stroke-opacity="0.6" stroke-width="1.5" stroke="currentColor" fill="none"><path d="${linePath(data, x, (r) => (r.national === null ? null : y(r.national)))}" /></g>`,
    `<g stroke-linecap="round" stroke-linejoin="round" stroke-width="2.5" stroke="#4269d0" fill="none"><path d="${linePath(data, x, (r) => (r.score === null ? null : y(r.score)))}" /></g>`,
    `<g fill="#4269d0">${scored.map((r) => `<circle r="3" cy="${y(r.score!)}" cx="${x(r)}" />`).join('')}</g>`,
    `<g transform="translate(0,-10)" font-size="11">${ranked.map((r) => `<text transform="${at(r, r.score!)}" y="0.32em">${escapedText(rankText(options.locale, r))}</text>`).join('')}</g>`,
    `<g transform="translate(8,0)" text-anchor="start" fill-opacity="0.8"><text transform="${at(mean, mean.national!)}" y="0.32em">${escapedText(chartWords[options.locale].mean)}</text></g>`,
    `<g transform="translate(8,0)" font-weight="bold" text-anchor="start" fill="#4269d0"><text transform="${at(last, last.score!)}" y="0.32em">${escapedText(options.name)}</text></g>`,
    frame.rest,
  ].join('');
}

/**
 * The chart as a Plot figure: its options (made when asked for: a chart laid into a frame needs
 * none, and making the marks was half its time) and text alternative, and the rows its marks show.
 */
export function regionTrendFigure(
  rows: readonly RegionTrendRow[],
  { locale, name, lower = 0, upper = 100, narrow = false }: RegionTrendOptions,
) {
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
  const ranked = narrow ? [scored[0], scored.at(-1)].filter((r): r is RegionTrendRow => r !== undefined) : scored;
  const plot = (): Plot.PlotOptions => ({
    ...indexTrendFrame(data.length, narrow, lower, upper, words.index),
    marks: [
      Plot.lineY(data, { x: 'year', y: 'national', stroke: 'currentColor', strokeOpacity: 0.6, strokeDasharray: '4 3' }),
      Plot.lineY(data, { x: 'year', y: 'score', stroke: '#4269d0', strokeWidth: 2.5 }),
      Plot.dot(scored, { x: 'year', y: 'score', fill: '#4269d0', r: 3 }),
      Plot.text(ranked, { x: 'year', y: 'score', text: (r: RegionTrendRow) => rankText(locale, r), dy: -10, fontSize: 11 }),
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
  });
  return { plot, alt, data, scored, ranked, lower, upper };
}

function rankText(locale: Lang, r: RegionTrendRow): string {
  return locale === 'zh' ? `第${r.rank}` : `#${r.rank}`;
}

const frames = new Map<string, ReusedFrame>();

/**
 * The path of a line through the points with a value, broken where one is missing, as Plot draws
 * it (d3-shape's line, linear curve, coordinates to three decimals; a point alone is "M x,yZ").
 */
function linePath(rows: readonly RegionTrendRow[], x: (r: RegionTrendRow) => number, y: (r: RegionTrendRow) => number | null): string {
  const round = (v: number) => Math.round(v * 1000) / 1000;
  let path = '';
  let run = 0;
  for (const row of rows) {
    const value = y(row);
    if (value === null || !Number.isFinite(value)) {
      if (run === 1) path += 'Z';
      run = 0;
      continue;
    }
    path += `${run === 0 ? 'M' : 'L'}${round(x(row))},${round(value)}`;
    run++;
  }
  if (run === 1) path += 'Z';
  return path;
}
