import type { NodeRow, Report } from '$lib/report';

/** The index node, its dimensions (children) and the indicators, from the report's framework tree. */
export function frameworkParts(report: Report): { root: NodeRow; dimensions: NodeRow[]; indicators: NodeRow[] } {
  const root = report.nodes.find((n) => n.parent === null);
  if (root === undefined) throw new Error('the framework has no index node');
  return {
    root,
    dimensions: report.nodes.filter((n) => n.parent === root.code),
    indicators: report.nodes.filter((n) => n.level === 1),
  };
}
