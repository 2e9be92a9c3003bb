import type { Report } from '$lib/report';

// Kept by report, then by key; a test's fresh report starts afresh.
const drawn = new WeakMap<Report, Map<string, { charts: unknown; uses: number }>>();

/**
 * Charts of a report that several pages show, drawn once: the first page to ask draws them, the
 * next take them. They are forgotten once `uses` pages have taken them (by default never), so that
 * the render holds no more than the charts still waiting for a page. `key` names the charts
 * within the report, the caller's kind of chart included.
 */
export function drawnOnce<T>(report: Report, key: string, draw: () => T, uses = Infinity): T {
  let charts = drawn.get(report);
  if (charts === undefined) drawn.set(report, (charts = new Map()));
  const kept = charts.get(key);
  if (kept === undefined) {
    const made = draw();
    if (uses > 1) charts.set(key, { charts: made, uses: 1 });
    return made;
  }
  if (++kept.uses >= uses) charts.delete(key);
  return kept.charts as T;
}
