import { dimensionChart, regionTrendChart } from '$charts/index';
import { decimalsForUnit } from '$components/formatValue';
import { nameOf } from '$components/messages';
import type { Lang, Report } from '$lib/report';
import { chartSlot } from './chartSlots.server';
import { drawnOnce } from './drawnOnce.server';
import { frameworkParts } from './frameworkParts';
import { reportIndex, rowsOf } from './reportIndex';
import { scoreDomain } from './scoreDomain';
import { strengthsAndWeaknesses } from './strengthsAndWeaknesses';

/**
 * A region's profile in a year, as its page opens and as the printed report gives one page to
 * each region: index score and rank, the dimensions against the mean of the regions, the trend,
 * and the strengths and weaknesses (strengthsAndWeaknesses.ts), with both charts drawn.
 * Undefined for a region the report does not have.
 */
export function regionProfile(report: Report, code: string, lang: Lang, year: number) {
  const index = reportIndex(report);
  const region = index.region.get(code);
  if (region === undefined) return undefined;
  const { root, dimensions, indicators } = frameworkParts(report);
  const { lower, upper } = scoreDomain(report);
  const name = nameOf(lang, region);
  const scoreOf = (node: string, y = year) => index.nodeScore.get(`${code}|${node}|${y}`);
  const nationalOf = (node: string, y = year) => index.national.get(`${node}|${y}`);
  const indexScore = scoreOf(root.code);

  const dimensionRows = dimensions.map((d) => ({
    code: d.code,
    name_zh: d.name_zh,
    name_en: d.name_en,
    score: scoreOf(d.code)?.score ?? null,
    national: nationalOf(d.code)?.score_mean ?? null,
  }));
  const trend = report.years.map((y) => ({
    year: y,
    score: scoreOf(root.code, y)?.score ?? null,
    rank: scoreOf(root.code, y)?.rank ?? null,
    national: nationalOf(root.code, y)?.score_mean ?? null,
  }));
  const values = new Map(rowsOf(index.valuesByRegionYear, `${code}|${year}`).map((v) => [v.indicator, v]));
  const ranked = indicators.map((n) => {
    const value = values.get(n.code);
    return {
      code: n.code,
      name_zh: n.name_zh,
      name_en: n.name_en,
      unit: n.unit,
      decimals: decimalsForUnit(n.unit, nationalOf(n.code)?.value_median ?? null),
      value: value?.value ?? null,
      score: value?.score ?? null,
      rank: value?.rank ?? null,
      of: rowsOf(index.valuesByIndicatorYear, `${n.code}|${year}`).filter((v) => v.rank !== null).length,
    };
  });
  return {
    region,
    index: { score: indexScore?.score ?? null, rank: indexScore?.rank ?? null, previous_rank: indexScore?.previous_rank ?? null },
    regionCount: report.regions.length,
    dimensionRows,
    trend,
    ...strengthsAndWeaknesses(ranked),
    charts: slotted(
      // Drawn for the region's own page and again for its page of the printed report: the same
      // charts, drawn once (drawing is most of a profile's cost, and at prefecture level there are
      // 337 profiles), and forgotten once both pages have taken them.
      drawnOnce(
        report,
        `profile|${code}|${lang}|${year}`,
        (): ProfileCharts => ({
          dimensions: dimensionChart(dimensionRows, { locale: lang, year, name, lower, upper }),
          trend: regionTrendChart(trend, { locale: lang, name, lower, upper }),
          trendNarrow: regionTrendChart(trend, { locale: lang, name, lower, upper, narrow: true }),
        }),
        2,
      ),
    ),
  };
}

type ProfileCharts = { dimensions: string; trend: string; trendNarrow: string };

/** The charts as the page being rendered carries them (chartSlots.server.ts). */
function slotted(charts: ProfileCharts): ProfileCharts {
  return { dimensions: chartSlot(charts.dimensions), trend: chartSlot(charts.trend), trendNarrow: chartSlot(charts.trendNarrow) };
}

export type RegionProfile = NonNullable<ReturnType<typeof regionProfile>>;
