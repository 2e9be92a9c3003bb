import { citedSources } from '../../citedSources';
import { langOf } from '../../langOf';
import { loadReport } from '../../loadReport.server';
import { reportIndex } from '../../reportIndex';
import type { PageServerLoad } from './$types';

// Static HTML only: the method to read and print, nothing on the page moves.
export const csr = false;

/** The methodology and data quality, generated from framework.csv, method.yaml and the run's coverage. */
export const load: PageServerLoad = ({ params }) => {
  langOf(params.lang);
  const report = loadReport();
  const regionNames = new Map(report.regions.map((r) => [r.region_code, { name_zh: r.name_zh, name_en: r.name_en }]));
  const nodeNames = new Map(report.nodes.map((n) => [n.code, { name_zh: n.name_zh, name_en: n.name_en }]));
  const index = reportIndex(report);
  const pivot = (rows: ReadonlyMap<string, { available: number; expected: number }>, keys: string[]) =>
    keys.map((k) => ({
      key: k,
      cells: report.years.map((y) => rows.get(`${k}|${y}`) ?? null).map((r) => (r ? ([r.available, r.expected] as const) : null)),
    }));
  const indicators = report.nodes.filter((n) => n.level === 1).map((n) => n.code);
  const { uncertainty, ...steps } = report.method as Record<string, unknown>;
  return {
    nodes: report.nodes,
    // One link per survey, to its page (which shows every wave), named with its latest wave.
    surveys: [...new Set((report.surveys?.summaries ?? []).map((s) => s.survey))].map((survey) => ({
      survey,
      year: Math.max(...(report.surveys?.summaries ?? []).filter((s) => s.survey === survey).map((s) => s.year)),
    })),
    // The institutions' reports: the term of the untransformed patents, when there are reports.
    institutions: report.institutions === undefined ? null : { untransformedYears: report.institutions.untransformedYears },
    years: report.years,
    // Each step's settings as method.yaml resolved them; the page puts them in words (methodProse.ts).
    steps: Object.entries(steps).map(([step, value]) => ({ step, value })),
    uncertaintySettings: uncertainty ?? null,
    coverage: pivot(index.coverage, indicators).map((row) => ({
      ...row,
      ...(nodeNames.get(row.key) ?? { name_zh: row.key, name_en: row.key }),
    })),
    regionCoverage: pivot(
      index.regionCoverage,
      report.regions.map((r) => r.region_code),
    ).map((row) => ({ ...row, ...(regionNames.get(row.key) ?? { name_zh: row.key, name_en: row.key }) })),
    // Listed in full up to a page's worth; beyond that (337 prefecture-level units x 20 years
    // can flag tens of thousands), the first ones, and data/indicators.csv has every one.
    flaggedTotal: report.flagged.length,
    flagged: report.flagged.slice(0, flaggedListed).map((f) => ({
      ...f,
      region: regionNames.get(f.region_code) ?? { name_zh: f.region_code, name_en: f.region_code },
      indicatorName: nodeNames.get(f.indicator) ?? { name_zh: f.indicator, name_en: f.indicator },
    })),
    hasUncertainty: report.uncertainty !== undefined,
    sampleData: report.sampleData,
    scope: (report.method.report as { scope?: { zh: string; en: string } } | undefined)?.scope ?? null,
    sources: citedSources(report),
  };
};

/** How many imputed or treated values the page lists. */
const flaggedListed = 500;
