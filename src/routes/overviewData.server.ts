import { nationalTrendChart, rankingChart, tileMapChart } from '$charts/index';
import { pagePath } from '$components/pagePath';
import type { Lang, Report } from '$lib/report';
import { chartSlot } from './chartSlots.server';
import { drawnOnce } from './drawnOnce.server';
import { frameworkParts } from './frameworkParts';
import { reportIndex, rowsOf } from './reportIndex';
import { scoreDomain } from './scoreDomain';

/** Everything the overview of one year shows: ranking, map, trend, what-if inputs, with charts drawn. */
export function overviewData(report: Report, year: number, lang: Lang) {
  const { root, dimensions } = frameworkParts(report);
  const { lower, upper } = scoreDomain(report);
  const index = reportIndex(report);
  const band = new Map(rowsOf(index.uncertaintyByYear, year).map((u) => [u.region_code, u]));
  const groups = new Map(rowsOf(index.groupsByYear, year).map((g) => [g.region_code, g]));
  const dimensionScores = new Map(
    rowsOf(index.nodeScoresByYear, year)
      .filter((s) => s.level < root.level)
      .map((s) => [`${s.region_code}|${s.node}`, s]),
  );
  const ranking = rowsOf(index.rankingByYear, year).map((r) => {
    const u = band.get(r.region_code);
    // Only what the page shows goes to the browser: every field is serialised into the page's
    // hydration script, for each of the years in each language.
    return {
      region_code: r.region_code,
      name_zh: r.name_zh,
      name_en: r.name_en,
      zone: r.zone,
      score: r.score,
      rank: r.rank,
      rank_change: r.rank_change,
      rank_p05: u?.rank_p05 ?? null,
      rank_median: u?.rank_median ?? null,
      rank_p95: u?.rank_p95 ?? null,
      rank_p05_without_sampling: u?.rank_p05_without_sampling ?? null,
      rank_p95_without_sampling: u?.rank_p95_without_sampling ?? null,
      group: groups.get(r.region_code)?.group ?? null,
      relative: groups.get(r.region_code)?.relative ?? null,
      dimensions: dimensions.map((d) => {
        const s = dimensionScores.get(`${r.region_code}|${d.code}`);
        return { score: s?.score ?? null };
      }),
    };
  });
  const trend = rowsOf(index.nationalByNode, root.code);
  const aggregation = report.method.aggregate as { method?: string; levels?: Record<string, string> } | undefined;
  const aggregate = aggregation?.levels?.[String(root.level)] ?? aggregation?.method ?? 'arithmetic';

  return {
    year,
    years: report.years,
    ranking,
    hasUncertainty: band.size > 0,
    // The bands include the sampling error of survey estimates; the bands without it come beside.
    hasSampling: ranking.some((r) => r.rank_p05_without_sampling !== null),
    // The thresholds of the groups (percent of the reference) as method.yaml set them.
    groups:
      groups.size === 0
        ? null
        : {
            reference: String(report.method.reference ?? 'mean'),
            ...(report.method.groups as { leaders: number; strong: number; moderate: number }),
          },
    dimensions: dimensions.map((d) => ({ code: d.code, name_zh: d.name_zh, name_en: d.name_en, weight: d.used_weight })),
    // The browser can re-rank only what it can recompute exactly: the index as a weighted
    // arithmetic mean of the dimensions, from the weights the composite engine used.
    whatIfAvailable: aggregate === 'arithmetic',
    trend: trend.map((n) => ({ year: n.year, mean: n.score_mean, min: n.score_min, max: n.score_max })),
    charts: {
      ranking: chartSlot(
        rankingChart(ranking, { year, locale: lang, lower, upper, regionHref: (code) => pagePath(lang, `region/${code}`) }),
      ),
      tiles: chartSlot(tileMapChart(ranking, { year, locale: lang, lower, upper, regionHref: (code) => pagePath(lang, `region/${code}`) })),
      // The regions' mean over the years is the same chart on every year's overview (and on the
      // printed report's), and links nowhere: drawn once per language and width, not on each page
      // (forty times in each language at prefecture level).
      trend: chartSlot(drawnOnce(report, `national trend|${lang}`, () => nationalTrendChart(trend, { locale: lang, lower, upper }))),
      trendNarrow: chartSlot(
        drawnOnce(report, `national trend narrow|${lang}`, () => nationalTrendChart(trend, { locale: lang, lower, upper, narrow: true })),
      ),
    },
  };
}

export type OverviewData = ReturnType<typeof overviewData>;
