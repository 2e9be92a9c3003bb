import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { chartIds } from './chartIds.ts';

// Plot draws into whatever document it is given; in Node at build time that is linkedom's.
const { document } = parseHTML('<!doctype html><html><head></head><body></body></html>');

/** The document charts are drawn in at build time (for composing several plots). */
export const chartDocument = document as unknown as Document;

/**
 * Draws a Plot figure in the build-time document and returns its SVG element, made ready to be
 * inlined into a page: Plot's <style> and generated class removed (the site's stylesheet sizes
 * charts, and a Content-Security-Policy may forbid inline styles), the text alternative `alt`
 * given as its accessible name, and links named after what they point at.
 */
export function plotElement(options: Plot.PlotOptions, alt: string): SVGSVGElement {
  const svg = Plot.plot({ ...options, document: chartDocument }) as SVGSVGElement;
  svg.querySelector('style')?.remove();
  svg.removeAttribute('class');
  // A chart with links is a group of them; any other is one image, its numbers in a table beside it.
  const links = [...svg.querySelectorAll('a')];
  for (const link of links) {
    const named = link.querySelector('[aria-label]');
    if (named) link.setAttribute('aria-label', named.getAttribute('aria-label') ?? '');
  }
  // Plot names its groups ("bar", "rule"); a name on a plain <g> is not allowed in ARIA, and the
  // chart's own name and the links' names say what a reader needs.
  for (const element of svg.querySelectorAll('[aria-label], [aria-description]')) {
    if (element.tagName.toLowerCase() === 'a') continue;
    element.removeAttribute('aria-label');
    element.removeAttribute('aria-description');
  }
  svg.setAttribute('role', links.length > 0 ? 'group' : 'img');
  svg.setAttribute('aria-label', alt);
  return svg;
}

/** Renders a Plot figure to an SVG string with `alt` as its text alternative (see plotElement). */
export function renderPlot(options: Plot.PlotOptions, alt: string): string {
  return svgString(plotElement(options, alt));
}

/** The markup of a drawn chart, its generated ids independent of what was drawn before it (see chartIds). */
export function svgString(svg: SVGSVGElement): string {
  return chartIds(svg.outerHTML);
}

/**
 * Places SVG figures side by side in one SVG, aligned at the top, so that panels with different
 * x scales (a score and a rank) read as one chart.
 */
export function besideEachOther(panels: readonly SVGSVGElement[], alt: string): string {
  const outer = chartDocument.createElementNS('http://www.w3.org/2000/svg', 'svg');
  // Panels with links stay reachable (the chart is then a group of them); the others are hidden,
  // the chart's name saying what they show.
  const linked = panels.some((panel) => panel.querySelector('a') !== null);
  let x = 0;
  let height = 0;
  for (const panel of panels) {
    const width = Number(panel.getAttribute('width'));
    height = Math.max(height, Number(panel.getAttribute('height')));
    panel.setAttribute('x', String(x));
    if (panel.querySelector('a') === null) {
      panel.removeAttribute('role');
      panel.removeAttribute('aria-label');
      panel.setAttribute('aria-hidden', 'true');
    }
    outer.append(panel);
    x += width;
  }
  outer.setAttribute('viewBox', `0 0 ${x} ${height}`);
  outer.setAttribute('width', String(x));
  outer.setAttribute('height', String(height));
  outer.setAttribute('role', linked ? 'group' : 'img');
  outer.setAttribute('aria-label', alt);
  return svgString(outer);
}
