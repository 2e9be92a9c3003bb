import type * as Plot from '@observablehq/plot';
import { plotElement, svgString } from './renderPlot.ts';

/**
 * The frame of a chart Plot drew, to lay the marks of other charts of the same frame into: its
 * <svg> tag (given each chart's own text alternative by `open`), what Plot wrote before the
 * first data mark (grid, axes, their words), what it wrote after the last (`rest`), and the
 * scales it placed the marks with. Charts drawn hundreds of times with one frame (a region's
 * trend and dimensions, at prefecture level) are drawn by Plot once: regionTrendChart.ts,
 * dimensionChart.ts.
 */
export type ReusedFrame = { open: (alt: string) => string; axes: string; rest: string; x: Plot.Scale; y: Plot.Scale };

/**
 * Draws a chart with Plot, and cuts its frame out of it: the data marks start at `first` (the
 * markup of the first mark's group) and end before `after`, if given (a mark that is the same
 * in every chart, such as a rule at the axis). Null as frame when the drawing cannot be cut so.
 */
export function drawFrame(
  plot: Plot.PlotOptions,
  alt: string,
  first: string,
  after?: string,
): { drawn: string; frame: ReusedFrame | null } {
  const svg = plotElement(plot, alt);
  const drawn = svgString(svg);
  // The figure Plot returns carries its scales.
  const { scale } = svg as unknown as ReturnType<typeof Plot.plot>;
  const [x, y] = [scale('x'), scale('y')];
  const label = `aria-label="${escapedAttribute(alt)}"`;
  const named = drawn.indexOf(label);
  // The tag ends after the text alternative, which may itself hold a ">" (attributes escape only quotes).
  const tagEnd = named < 0 ? -1 : drawn.indexOf('>', named + label.length);
  const marks = drawn.indexOf(first);
  const rest = after === undefined ? drawn.length - '</svg>'.length : drawn.lastIndexOf(after);
  if (x === undefined || y === undefined || tagEnd < 0 || marks < tagEnd || rest < marks) return { drawn, frame: null };
  const [before, behind] = [drawn.slice(0, named), drawn.slice(named + label.length, tagEnd + 1)];
  return {
    drawn,
    frame: {
      open: (text) => `${before}aria-label="${escapedAttribute(text)}"${behind}`,
      axes: drawn.slice(tagEnd + 1, marks),
      rest: drawn.slice(rest),
      x,
      y,
    },
  };
}

/** Text as the build-time document writes it (linkedom): &, < and > escaped. */
export function escapedText(text: string): string {
  return text.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!);
}

/** An attribute's value as the build-time document writes it (linkedom): the quotes escaped. */
export function escapedAttribute(text: string): string {
  return text.replaceAll('"', '&quot;');
}
