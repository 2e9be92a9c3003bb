import { groupBy } from '$lib/groupBy';
import type {
  ContributionRow,
  CoverageRow,
  GroupRow,
  IndicatorValueRow,
  NationalRow,
  NodeRow,
  NodeScoreRow,
  RankingRow,
  RegionCoverageRow,
  RegionRow,
  Report,
  SourceRow,
  UncertaintyRow,
} from '$lib/report';

/** The report's rows grouped by what pages look them up by, so that a page costs what it shows. */
export type ReportIndex = {
  region: Map<string, RegionRow>;
  node: Map<string, NodeRow>;
  /** Keyed `region|node|year`. */
  nodeScore: Map<string, NodeScoreRow>;
  nodeScoresByYear: Map<number, NodeScoreRow[]>;
  /** Keyed `node|year`. */
  national: Map<string, NationalRow>;
  nationalByNode: Map<string, NationalRow[]>;
  /** Keyed `region|year`. */
  contributionsByRegionYear: Map<string, ContributionRow[]>;
  /** Keyed `region|year`. */
  valuesByRegionYear: Map<string, IndicatorValueRow[]>;
  /** Keyed `indicator|year`. */
  valuesByIndicatorYear: Map<string, IndicatorValueRow[]>;
  rankingByYear: Map<number, RankingRow[]>;
  uncertaintyByYear: Map<number, UncertaintyRow[]>;
  groupsByYear: Map<number, GroupRow[]>;
  sourcesByIndicator: Map<string, SourceRow[]>;
  coverageByYear: Map<number, CoverageRow[]>;
  /** Keyed `indicator|year`. */
  coverage: Map<string, CoverageRow>;
  /** Keyed `region|year`. */
  regionCoverage: Map<string, RegionCoverageRow>;
};

// Keyed by the report object: a report read once per prerender is indexed once, and a test's
// fresh report gets a fresh index.
const indexes = new WeakMap<Report, ReportIndex>();

/** The lookups of a report, built on first use and kept for as long as the report is. */
export function reportIndex(report: Report): ReportIndex {
  let index = indexes.get(report);
  if (index === undefined) {
    index = {
      region: firstBy(report.regions, (r) => r.region_code),
      node: firstBy(report.nodes, (n) => n.code),
      nodeScore: firstBy(report.nodeScores, (s) => `${s.region_code}|${s.node}|${s.year}`),
      nodeScoresByYear: groupBy(report.nodeScores, (s) => s.year),
      national: firstBy(report.national, (n) => `${n.node}|${n.year}`),
      nationalByNode: groupBy(report.national, (n) => n.node),
      contributionsByRegionYear: groupBy(report.contributions, (c) => `${c.region_code}|${c.year}`),
      valuesByRegionYear: groupBy(report.indicatorValues, (v) => `${v.region_code}|${v.year}`),
      valuesByIndicatorYear: groupBy(report.indicatorValues, (v) => `${v.indicator}|${v.year}`),
      rankingByYear: groupBy(report.ranking, (r) => r.year),
      uncertaintyByYear: groupBy(report.uncertainty ?? [], (u) => u.year),
      groupsByYear: groupBy(report.groups ?? [], (g) => g.year),
      sourcesByIndicator: groupBy(report.sources, (s) => s.indicator),
      coverageByYear: groupBy(report.coverage, (c) => c.year),
      coverage: firstBy(report.coverage, (c) => `${c.indicator}|${c.year}`),
      regionCoverage: firstBy(report.regionCoverage, (c) => `${c.region_code}|${c.year}`),
    };
    indexes.set(report, index);
  }
  return index;
}

/** The rows under a key of a grouping, none when there are none. */
export function rowsOf<K, T>(groups: Map<K, T[]>, key: K): readonly T[] {
  return groups.get(key) ?? [];
}

// The first row of each key, as Array.find would return it.
function firstBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T> {
  const map = new Map<K, T>();
  for (const row of rows) {
    const k = key(row);
    if (!map.has(k)) map.set(k, row);
  }
  return map;
}

// Rows in their report order, as Array.filter would return them.
