import type { AccountsReport } from './accounts/AccountsReport.ts';

/** One row of the ranking the report shows: a region's index score and rank in a year. */
export type RankingRow = {
  year: number;
  region_code: string;
  name_zh: string;
  name_en: string;
  zone: string;
  score: number | null;
  rank: number | null;
  previous_rank: number | null;
  rank_change: number | null;
};

/** A region the report ranks (queries/report/regions.sql). */
export type RegionRow = {
  region_code: string;
  name_zh: string;
  name_en: string;
  level: string;
  parent_code: string | null;
  zone: string;
};

/** A node of the framework tree with its shares (queries/report/nodes.sql). */
export type NodeRow = {
  code: string;
  parent: string | null;
  /** 1 = indicator (COINr's convention). */
  level: number;
  /** 0 = the index, 1 = its children, ... */
  depth: number;
  name_zh: string;
  name_en: string;
  unit: string;
  direction: number;
  /** The weight in framework.csv. */
  weight: number;
  /** The weight the composite engine used: framework.csv's, equal or PCA, as method.yaml says. */
  used_weight: number;
  /** The used weight over those of its siblings. */
  share: number | null;
  /** The product of the shares from the index down to the node. */
  index_weight: number | null;
  formula: string | null;
  target: number | null;
};

/** A score of the index or a dimension (queries/report/node_scores.sql). */
export type NodeScoreRow = {
  region_code: string;
  year: number;
  node: string;
  level: number;
  score: number | null;
  rank: number | null;
  previous_rank: number | null;
};

/** An indicator of a region and year (queries/report/indicator_values.sql). */
export type IndicatorValueRow = {
  region_code: string;
  year: number;
  indicator: string;
  value: number | null;
  imputed: boolean;
  treated: boolean;
  score: number | null;
  rank: number | null;
  change: number | null;
};

/** The distribution of a node over the regions in a year (queries/report/national_level.sql). */
export type NationalRow = {
  year: number;
  node: string;
  level: number;
  regions: number;
  score_mean: number | null;
  score_median: number | null;
  score_min: number | null;
  score_max: number | null;
  value_mean: number | null;
  value_p25: number | null;
  value_median: number | null;
  value_p75: number | null;
  value_min: number | null;
  value_max: number | null;
};

/** Points of a region's index a node brings (queries/report/contributions.sql). */
export type ContributionRow = {
  region_code: string;
  year: number;
  node: string;
  level: number;
  index_weight: number;
  contribution: number;
};

/** How many values an indicator has in a year (queries/report/coverage.sql). */
export type CoverageRow = {
  indicator: string;
  year: number;
  available: number;
  expected: number;
  imputed: number;
  treated: number;
};

/** How many indicators a region has in a year (queries/report/region_coverage.sql). */
export type RegionCoverageRow = Omit<CoverageRow, 'indicator'> & { region_code: string };

/** A value the composite engine imputed or treated (queries/report/flagged_values.sql). */
export type FlaggedRow = {
  region_code: string;
  year: number;
  indicator: string;
  value: number | null;
  imputed: boolean;
  treated: boolean;
};

/** A variable an indicator's formula uses, and where it was read (queries/report/indicator_sources.sql). */
export type SourceRow = {
  indicator: string;
  variable: string;
  dataset: string;
  name_zh: string;
  name_en: string;
  unit: string;
  description: string | null;
  /** Where its numbers come from, as variables.csv cites it. */
  source: string | null;
  source_files: string | null;
  values_given: number;
};

/** The rank band of a region's index over the Monte Carlo runs (queries/report/uncertainty.sql). */
export type UncertaintyRow = {
  region_code: string;
  year: number;
  rank: number | null;
  rank_p05: number | null;
  rank_median: number | null;
  rank_p95: number | null;
  /** The band of the same runs without drawing the survey estimates: null unless the index rests on a survey. */
  rank_p05_without_sampling: number | null;
  rank_median_without_sampling: number | null;
  rank_p95_without_sampling: number | null;
};

/** A region's performance group by its index (queries/report/performance_groups.sql). */
export type GroupRow = {
  region_code: string;
  year: number;
  /** The index as a percentage of the reference (the mean of the regions, by default). */
  relative: number | null;
  group: 'leader' | 'strong' | 'moderate' | 'emerging' | null;
};

/** A file of out/data offered for download. */
export type DownloadFile = {
  /** Path under out/, e.g. `data/scores.csv`. */
  file: string;
  /** The table it holds, e.g. `scores`; null for files that are not tables. */
  table: string | null;
  /** The file's extension: csv, xlsx, arrow, sql, json, ... */
  format: string;
  /** Null for files written while the pages are built. */
  bytes: number | null;
  rows: number | null;
};

/** What the pipeline hands the site to prerender: results plus the facts pages print. */
export type Report = {
  title: { zh: string; en: string };
  sampleData: boolean;
  builtAt: string;
  version: string;
  years: number[];
  regions: RegionRow[];
  nodes: NodeRow[];
  ranking: RankingRow[];
  nodeScores: NodeScoreRow[];
  /** The latest year's only: the pages show no other (queries/report/indicator_values.sql). */
  indicatorValues: IndicatorValueRow[];
  national: NationalRow[];
  /** The latest year's only, as indicatorValues. */
  contributions: ContributionRow[];
  coverage: CoverageRow[];
  regionCoverage: RegionCoverageRow[];
  flagged: FlaggedRow[];
  sources: SourceRow[];
  /** method.yaml as resolved, defaults filled in. */
  method: Record<string, unknown>;
  downloads: DownloadFile[];
  /** The surveys of the data directory (surveys/<name>/), when it has any. */
  surveys?: { summaries: SurveySummaryRow[]; estimates: SurveyEstimateRow[]; basedValues: SurveyBasedValueRow[] };
  /** Present when the data directory holds an enterprise IP management register (enterprises/). */
  enterprises?: { series: EnterpriseSeriesRow[]; byKind: EnterpriseKindRow[]; maturity: MaturityRow[]; maturityChange: MaturityChangeRow[]; effect: EffectRow[] };
  /** The institutions' IP transfer reports (src/institutions/), when the data directory has institutions/ with reports. */
  institutions?: InstitutionsReport;
  /** Present when the composite engine computed rank uncertainty. */
  uncertainty?: UncertaintyRow[];
  /** Present when the composite engine computed performance groups. */
  groups?: GroupRow[];
  /** IP products in the national accounts (src/accounts/readAccounts.ts), or why there are none. */
  accounts?: AccountsReport;
};

/** The languages the report is written in: Chinese (the default) and English. */
export type Lang = 'zh' | 'en';

/** A published cell of a survey (queries/report/survey_estimates.sql; out/data/estimates.csv). */
export type SurveyEstimateRow = {
  survey: string;
  year: number;
  variable: string;
  statistic: 'mean' | 'total' | 'ratio';
  domain: string;
  domain_value: string;
  name_zh: string;
  name_en: string;
  estimate: number | null;
  se: number | null;
  ci_low: number | null;
  ci_high: number | null;
  cv: number | null;
  n_respondents: number;
  quality: string;
  suppressed: string | null;
  /** The design effect: the variance against simple random sampling's (totals and means, as R). */
  deff: number | null;
};

/** A survey's design in brief (queries/report/survey_summaries.sql). */
export type SurveySummaryRow = {
  survey: string;
  year: number;
  respondents: number;
  strata: number;
  psus: number;
  weight_total: number;
  clusters: string;
  variance: string;
  calibration: string | null;
  lonely_psu: string;
};

/** A survey estimate an indicator value rests on (queries/report/survey_based_values.sql). */
export type SurveyBasedValueRow = {
  indicator: string;
  region_code: string;
  year: number;
  variable: string;
  estimate: number | null;
  ci_low: number | null;
  ci_high: number | null;
  quality: string;
  suppressed: string | null;
  /** The indicator's own 95% interval, the estimate's carried through its formula (queries/indicators/70_indicator_intervals.sql). */
  indicator_ci_low: number | null;
  indicator_ci_high: number | null;
};

/** A figure of the enterprise register for a region and year (queries/report/enterprise_series.sql). */
export type EnterpriseSeriesRow = { region_code: string; year: number; variable: string; value: number | null };

/** Enterprises of the register and those certified, by size or industry (queries/report/enterprise_by_kind.sql). */
export type EnterpriseKindRow = { by: 'size' | 'industry'; value: string; enterprises: number; certified: number; year: number };

/** A clause's mean score in the latest assessments (queries/report/enterprise_maturity.sql); null where suppressed. */
export type MaturityRow = {
  year: number; standard: string; clause: string; name_zh: string; name_en: string;
  by: 'all' | 'size' | 'industry' | 'region'; value: string; enterprises: number; mean: number | null; suppressed: boolean;
  /** The lowest published mean of its group (by, value). */
  weakest: boolean;
};

/** A clause's scores before and since certification (queries/report/enterprise_maturity_change.sql); null where suppressed. */
export type MaturityChangeRow = {
  standard: string; clause: string; name_zh: string; name_en: string; enterprises: number;
  before: number | null; after: number | null; change: number | null; suppressed: boolean;
};

/** The effect of certification at an event time (null: overall) (queries/report/certification_effect.sql; out/data/certification_effect.csv). */
export type EffectRow = {
  outcome: string; event_time: number | null; att: number | null; se: number | null; ci_low: number | null; ci_high: number | null;
  n_treated: number; n_control: number;
};

/** The institutions' IP transfer reports, as the institutions page shows them (queries/report/institution_*.sql). */
export type InstitutionsReport = {
  /** The years after grant from which a state-funded patent never transformed counts as untransformed (method.yaml). */
  untransformedYears: number;
  series: { region_code: string; year: number; variable: string; value: number }[];
  league: {
    institution_id: string; name_zh: string; name_en: string; kind: string; affiliation: string; region_code: string; year: number; reported: boolean;
    income: number | null; contracts: number | null; licences: number | null; patents_held: number | null; untransformed: number | null; untransformed_share: number | null;
  }[];
  byKind: { by: 'kind' | 'affiliation'; value: string; registered: number; reporting: number; income: number; contracts: number | null; year: number }[];
  concentration: { year: number; top10_share: number | null; reporting: number }[];
  /** Who did not report a year (missing), or reported after the deadline (late, with the day filed). */
  missing: { year: number; institution_id: string; name_zh: string; name_en: string; kind: string; region_code: string; status: 'missing' | 'late'; filed: string | null }[];
  flags: { severity: 'error' | 'warning'; institution_id: string; name_zh: string; name_en: string; year: number; field: string; found: string; expected: string; place: string }[];
};
