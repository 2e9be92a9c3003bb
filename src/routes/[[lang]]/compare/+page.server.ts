import { compareTrendChart } from '$charts/index';
import { chartSlot } from '../../chartSlots.server';
import { frameworkParts } from '../../frameworkParts';
import { langOf } from '../../langOf';
import { loadReport } from '../../loadReport.server';
import { reportIndex } from '../../reportIndex';
import { scoreDomain } from '../../scoreDomain';
import type { PageServerLoad } from './$types';

/** The comparison: every region's index over the years and dimension scores of the latest year; the choice is made in the browser. */
export const load: PageServerLoad = ({ params }) => {
  const lang = langOf(params.lang);
  const report = loadReport();
  const year = report.years.at(-1) ?? 0;
  const { root, dimensions } = frameworkParts(report);
  const { lower, upper } = scoreDomain(report);
  const scores = reportIndex(report).nodeScore;
  const regions = report.regions.map((r) => ({
    region_code: r.region_code,
    name_zh: r.name_zh,
    name_en: r.name_en,
    index: report.years.map((y) => scores.get(`${r.region_code}|${root.code}|${y}`)?.score ?? null),
    // Score and rank of the index, then of each dimension, in the latest year.
    latest: [root, ...dimensions].map((n) => {
      const s = scores.get(`${r.region_code}|${n.code}|${year}`);
      return [s?.score ?? null, s?.rank ?? null] as const;
    }),
  }));
  return {
    year,
    years: report.years,
    // What the page opens with when the address names no region: the top three of the latest ranking.
    top: report.ranking
      .filter((r) => r.year === year && r.rank !== null)
      .sort((a, b) => a.rank! - b.rank!)
      .slice(0, 3)
      .map((r) => r.region_code),
    nodes: [root, ...dimensions].map((n) => ({ code: n.code, name_zh: n.name_zh, name_en: n.name_en })),
    regions,
    chart: chartSlot(
      compareTrendChart(
        report.ranking.map((r) => ({ region_code: r.region_code, name_zh: r.name_zh, name_en: r.name_en, year: r.year, score: r.score })),
        { locale: lang, lower, upper },
      ),
    ),
  };
};
