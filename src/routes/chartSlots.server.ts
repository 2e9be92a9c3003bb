/**
 * Charts travel to their page's HTML once, not three times. A page's server load gives each
 * chart drawn for it (an SVG string from src/charts) to `chartSlot`, which keeps it and returns
 * a placeholder comment; the page data carries only that placeholder, and `fillChartSlots`
 * (src/hooks.server.ts) puts the SVG in its place in the rendered HTML. So the SVG is not
 * serialised into the page's hydration script (and SvelteKit's __data.json) as well: it was
 * most of the data of the region, indicator and year pages and of the time spent serialising it.
 *
 * In the browser the placeholder is what `{@html}` is given while hydrating; Svelte keeps the
 * markup the server rendered (ChartFigure.svelte). A chart cannot be drawn in the browser, so
 * links between pages load the next page from the server (data-sveltekit-reload, src/app.html)
 * instead of rendering it from its data.
 */
const drawn = new Map<string, string>();
let next = 0;

/** Keeps a drawn chart for the page being rendered and returns its placeholder. */
export function chartSlot(svg: string): string {
  const id = String(next++);
  drawn.set(id, svg);
  return `<!--ipindex-chart:${id}-->`;
}

/**
 * The page's HTML with each chart in place of its placeholder, and the charts forgotten. Only
 * the markup holds the placeholders as such: in the hydration script their `<` is escaped.
 */
export function fillChartSlots(html: string): string {
  const used = new Set<string>();
  const filled = html.replace(/<!--ipindex-chart:(\d+)-->/g, (placeholder, id: string) => {
    used.add(id);
    return drawn.get(id) ?? placeholder;
  });
  for (const id of used) drawn.delete(id);
  return filled;
}
