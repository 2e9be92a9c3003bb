import type { Report } from '$lib/report';
import { groupBy } from '$lib/groupBy';

/** Each publication and table cited in variables.csv, with the variables whose numbers it gives: the methodology page's and the printed report's table of sources. */
export function citedSources(report: Report) {
  return [
    ...groupBy(
      report.sources.filter((s) => s.source !== null),
      (s) => s.source!,
    ),
  ]
    .sort(([a], [b]) => a.localeCompare(b, 'zh'))
    .map(([source, rows]) => ({
      source,
      variables: [...new Map(rows.map((r) => [r.variable, { variable: r.variable, name_zh: r.name_zh, name_en: r.name_en }])).values()],
    }));
}
