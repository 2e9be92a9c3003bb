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
