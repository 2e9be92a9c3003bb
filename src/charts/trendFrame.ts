import type * as Plot from '@observablehq/plot';

/**
 * The frame of a chart of years: at the width of a desktop column (640) with a tick every year
 * up to eleven, or narrow (340, for a phone's screen: src/components/ChartFigure.svelte shows it
 * below 44rem) with at most five ticks, so that its words stay at their size rather than the
 * wide chart being shrunk below legible.
 */
export function trendFrame(years: number, narrow: boolean, marginRight: number): { width: number; marginRight: number; ticks: number } {
  return narrow
    ? { width: 340, marginRight: Math.min(marginRight, 64), ticks: Math.min(years, 5) }
    : { width: 640, marginRight, ticks: Math.min(years, 11) };
}

/**
 * The frame of a chart of the index over the years (a region's trend, the regions' mean): the
 * trend frame (trendFrame) 260 high, the scores on a fixed domain with a grid, labelled `label`.
 */
export function indexTrendFrame(years: number, narrow: boolean, lower: number, upper: number, label: string): Plot.PlotOptions {
  const frame = trendFrame(years, narrow, 90);
  return {
    width: frame.width,
    height: 260,
    marginLeft: 40,
    marginRight: frame.marginRight,
    x: { label: null, tickFormat: 'd', ticks: frame.ticks },
    y: { domain: [lower, upper], label: `↑ ${label}`, grid: true },
  };
}
