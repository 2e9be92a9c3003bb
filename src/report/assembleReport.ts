import type { Method } from '../lib/methodSchema.ts';
import type { DownloadFile, Report } from '../lib/report.ts';
import type { Database, Row } from '../database/openDatabase.ts';
import { selectQuery } from '../database/runQueries.ts';

/** What a report says about its run besides what the database holds. */
export type ReportFacts = {
  method: Method;
  builtAt: string;
  version: string;
  downloads: DownloadFile[];
};

/**
 * Assembles the report the site prerenders from the tables of a finished run, one dataset per
 * SQL file of queries/report/. Parts whose tables a run did not produce (rank uncertainty,
 * performance groups) are left out, and the pages that would show them leave them out too.
 */
export async function assembleReport(db: Database, facts: ReportFacts): Promise<Report> {
  const tables = new Set((await db.query<{ name: string }>('SELECT table_name AS name FROM duckdb_tables()')).map((t) => t.name));
  const rows = async <T>(name: string): Promise<T[]> => plainRows(await selectQuery<Row>(db, `report/${name}.sql`)) as T[];

  const ranking = await rows<Report['ranking'][number]>('ranking');
  const report: Report = {
    title: { zh: '知识产权引领的创新驱动发展评价', en: 'IP-guided evaluation of innovation-driven development' },
    sampleData: facts.method.report.sample_data,
    builtAt: facts.builtAt,
    version: facts.version,
    years: [...new Set(ranking.map((r) => r.year))].sort((a, b) => a - b),
    regions: await rows('regions'),
    nodes: await rows('nodes'),
    ranking,
    nodeScores: await rows('node_scores'),
    indicatorValues: await rows('indicator_values'),
    national: await rows('national_level'),
    contributions: await rows('contributions'),
    coverage: await rows('coverage'),
    regionCoverage: await rows('region_coverage'),
    flagged: await rows('flagged_values'),
    sources: await rows('indicator_sources'),
    method: facts.method as unknown as Record<string, unknown>,
    downloads: facts.downloads,
  };
  if (tables.has('uncertainty')) report.uncertainty = await rows('uncertainty');
  if (tables.has('performance_groups')) report.groups = await rows('performance_groups');
  if (tables.has('enterprise_counts')) {
    report.enterprises = {
      series: await rows('enterprise_series'),
      byKind: await rows('enterprise_by_kind'),
      maturity: await rows('enterprise_maturity'),
      maturityChange: await rows('enterprise_maturity_change'),
      effect: tables.has('certification_effect') ? await rows('certification_effect') : [],
    };
  }
  if (tables.has('institution_figures')) {
    report.institutions = {
      untransformedYears: facts.method.institutions.untransformed_years,
      series: await rows('institution_series'),
      league: await rows('institution_league'),
      byKind: await rows('institution_by_kind'),
      concentration: await rows('institution_concentration'),
      missing: await rows('institution_missing'),
      flags: await rows('institution_flags'),
    } as Report['institutions'];
  }
  if (tables.has('survey_estimates'))
    report.surveys = {
      summaries: await rows('survey_summaries'),
      estimates: await rows('survey_estimates'),
      basedValues: await rows('survey_based_values'),
    };
  return report;
}

/**
 * DuckDB hands BIGINTs over as bigint, which JSON cannot hold; the report's counts are small.
 * The rows are fresh objects made for this query, so they are changed in place: copying each of
 * the hundred thousand rows of a prefecture-level report took ten times as long.
 */
function plainRows(rows: Row[]): Row[] {
  for (const row of rows) {
    for (const key in row) {
      const value = row[key];
      if (typeof value === 'bigint') row[key] = Number(value);
    }
  }
  return rows;
}
