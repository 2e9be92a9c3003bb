import * as Plot from '@observablehq/plot';
import type { Lang } from '../lib/report.ts';
import { chartWords, nameIn } from './chartWords.ts';
import { renderPlot } from './renderPlot.ts';
import { drawFrame, type ReusedFrame } from './reusedFrame.ts';

/** A dimension of a region: its score and the mean of all regions. */
export type DimensionRow = { code: string; name_zh: string; name_en: string; score: number | null; national: number | null };

export type DimensionChartOptions = { locale: Lang; year: number; name: string; lower?: number; upper?: number };

/**
 * A region's dimension scores as bars, each with a tick at the mean of the regions, drawn from
 * the Plot figure of dimensionFigure. As with the trend charts (regionTrendChart.ts), every region's
 * chart of a report has the same frame (the dimensions, the score axis, the words of the
 * language): Plot draws it once, with the first region's chart, and the other regions' bars,
 * ticks and numbers are laid into it as Plot writes them, at the positions of its scales
 * (test/charts/dimensionChart.test.ts checks that the two are the same text).
 */
export function dimensionChart(rows: readonly DimensionRow[], options: DimensionChartOptions): string {
  const figure = dimensionFigure(rows, options);
  // Frames are reused for charts whose every dimension has a score and a mean; others are drawn by Plot in full.
  if (rows.length === 0 || rows.some((r) => r.score === null || r.national === null)) return renderPlot(figure.plot(), figure.alt);
  const labels = rows.map(figure.label);
  const key = JSON.stringify([options.locale, figure.lower, figure.upper, labels]);
  const frame = frames.get(key);
  if (frame === undefined) {
    const { drawn, frame: cut } = drawFrame(figure.plot(), figure.alt, '<g fill="#4269d0">', '<g stroke="currentColor"><line');
    if (cut !== null && cut.y.bandwidth !== undefined) frames.set(key, cut);
    return drawn;
  }
  const x = (value: number) => frame.x.apply(value) as number;
  const bandwidth = frame.y.bandwidth!;
  const band = labels.map((label) => frame.y.apply(label) as number);
  const x0 = x(figure.lower);
  // The arithmetic of Plot's barX and tickX (insets 5 above and below the bars, none elsewhere), for the same numbers.
  const bars = rows.map((r, i) => {
    const end = x(r.score!);
    return `<rect height="${Math.max(0, bandwidth - 5 - 5)}" y="${band[i]! + 5}" width="${Math.max(0, Math.abs(end - x0) - 0 - 0)}" x="${Math.min(x0, end) + 0}" />`;
  });
  const ticks = rows.map(
    (r, i) => `<line y2="${band[i]! + bandwidth - 0}" y1="${band[i]! + 0}" x2="${x(r.national!)}" x1="${x(r.national!)}" />`,
  );
  const numbers = rows.map((r, i) => `<text transform="translate(${x(r.score!)},${band[i]})" y="0.32em">${r.score!.toFixed(1)}</text>`);
  return [
    frame.open(figure.alt),
    frame.axes,
    `<g fill="#4269d0">${bars.join('')}</g>`,
    `<g stroke-width="2" stroke="currentColor">${ticks.join('')}</g>`,
    `<g transform="translate(4,${bandwidth / 2})" text-anchor="start">${numbers.join('')}</g>`,
    frame.rest,
  ].join('');
}

/** The chart as a Plot figure: its options (made when asked for, as regionTrendFigure's) and text alternative. */
export function dimensionFigure(rows: readonly DimensionRow[], { locale, year, name, lower = 0, upper = 100 }: DimensionChartOptions) {
  const words = chartWords[locale];
  const label = (r: DimensionRow) => nameIn(locale, r);
  const alt =
    locale === 'zh'
      ? `${name}${year}年各维度得分条形图（竖线为各地区平均）：${rows.map((r) => `${r.name_zh}${r.score?.toFixed(1) ?? '–'}（平均${r.national?.toFixed(1) ?? '–'}）`).join('，')}`
      : `Bar chart of ${name}'s dimension scores in ${year} (ticks: mean of the regions): ${rows.map((r) => `${r.name_en} ${r.score?.toFixed(1) ?? '–'} (mean ${r.national?.toFixed(1) ?? '–'})`).join(', ')}`;
  const plot = (): Plot.PlotOptions => ({
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
  });
  return { plot, alt, label, lower, upper };
}

const frames = new Map<string, ReusedFrame>();
