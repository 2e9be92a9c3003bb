import { error } from '@sveltejs/kit';
import { distributionChart, indicatorTrendChart } from '$charts/index';
import { decimalsForUnit } from '$components/formatValue';
import { nameOf } from '$components/messages';
import { unitIn } from '$components/unitIn';
import { chartSlot } from '../../../chartSlots.server';
import { frameworkParts } from '../../../frameworkParts';
import { langOf } from '../../../langOf';
import { loadReport } from '../../../loadReport.server';
import { reportIndex, rowsOf } from '../../../reportIndex';
import type { EntryGenerator, PageServerLoad } from './$types';

/** A page for every indicator, in both languages. */
export const entries: EntryGenerator = () =>
  ['', 'en'].flatMap((lang) => frameworkParts(loadReport()).indicators.map((n) => ({ lang, code: n.code })));

/** An indicator: definition and source, its distribution across regions in the latest year, its trend, its table. */
export const load: PageServerLoad = ({ params }) => {
  const lang = langOf(params.lang);
  const report = loadReport();
  const index = reportIndex(report);
  const { indicators } = frameworkParts(report);
  const position = indicators.findIndex((n) => n.code === params.code);
  const node = indicators[position];
  if (node === undefined) error(404, `no indicator ${params.code}`);
  const year = report.years.at(-1) ?? 0;
  const parent = (node.parent === null ? undefined : index.node.get(node.parent)) ?? null;
  const trend = rowsOf(index.nationalByNode, node.code);
  const latest = trend.find((n) => n.year === year) ?? null;
  const decimals = decimalsForUnit(node.unit, latest?.value_median ?? null);
  const name = nameOf(lang, node);

  const regions = index.region;
  const rows = rowsOf(index.valuesByIndicatorYear, `${node.code}|${year}`)
    // The year and the indicator are the page's own: not repeated in every row sent to the browser.
    .map(({ year: _year, indicator: _indicator, ...v }) => ({
      ...v,
      name_zh: regions.get(v.region_code)?.name_zh ?? v.region_code,
      name_en: regions.get(v.region_code)?.name_en ?? v.region_code,
      // The survey estimates the value rests on, if a variable of the formula was estimated.
      survey: (report.surveys?.basedValues ?? [])
        .filter((b) => b.indicator === node.code && b.region_code === v.region_code && b.year === year)
        .map(({ variable, estimate, ci_low, ci_high, quality, suppressed, indicator_ci_low, indicator_ci_high }) => ({
          variable,
          estimate,
          ci_low,
          ci_high,
          quality,
          suppressed,
          indicator_ci_low,
          indicator_ci_high,
        })),
    }))
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.region_code.localeCompare(b.region_code));
  const neighbour = (i: number) => {
    const n = indicators[i];
    return n ? { code: n.code, name_zh: n.name_zh, name_en: n.name_en } : null;
  };

  return {
    year,
    node,
    parent: parent && { code: parent.code, name_zh: parent.name_zh, name_en: parent.name_en },
    sources: rowsOf(index.sourcesByIndicator, node.code),
    decimals,
    rows,
    latest,
    trend: trend.map((n) => ({
      year: n.year,
      median: n.value_median,
      p25: n.value_p25,
      p75: n.value_p75,
      min: n.value_min,
      max: n.value_max,
      regions: n.regions,
    })),
    previous: neighbour(position - 1),
    next: neighbour(position + 1),
    charts: {
      distribution: chartSlot(
        distributionChart(
          rows.map((r) => ({ ...r, ci_low: r.survey[0]?.indicator_ci_low ?? null, ci_high: r.survey[0]?.indicator_ci_high ?? null })),
          { locale: lang, year, name, unit: unitIn(lang, node.unit), median: latest?.value_median ?? null, target: node.target, decimals },
        ),
      ),
      trend: chartSlot(indicatorTrendChart(trend, { locale: lang, name, unit: unitIn(lang, node.unit), target: node.target, decimals })),
      trendNarrow: chartSlot(
        indicatorTrendChart(trend, { locale: lang, name, unit: unitIn(lang, node.unit), target: node.target, decimals, narrow: true }),
      ),
    },
  };
};
