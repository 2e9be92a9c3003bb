import { decimalsForUnit } from '$components/formatValue';
import { frameworkParts } from '../../frameworkParts';
import { langOf } from '../../langOf';
import { loadReport } from '../../loadReport.server';
import { overviewData } from '../../overviewData.server';
import { reportIndex, rowsOf } from '../../reportIndex';
import type { PageServerLoad } from './$types';

// Static HTML only: this page is for reading through and printing (`ipindex pdf`), nothing on it moves.
export const csr = false;

/** The whole report on one page: overview, regions, indicators, methodology, downloads. */
export const load: PageServerLoad = ({ params }) => {
  const lang = langOf(params.lang);
  const report = loadReport();
  const year = report.years.at(-1) ?? 0;
  const { indicators } = frameworkParts(report);
  const index = reportIndex(report);
  const regions = index.region;
  const extreme = (indicator: string, pick: 'max' | 'min') => {
    const values = rowsOf(index.valuesByIndicatorYear, `${indicator}|${year}`).filter((v) => v.value !== null);
    const best = values.reduce<(typeof values)[number] | null>((a, v) => (a === null || (pick === 'max' ? v.value! > a.value! : v.value! < a.value!) ? v : a), null);
    const region = best ? regions.get(best.region_code) : undefined;
    return best && region ? { value: best.value, name_zh: region.name_zh, name_en: region.name_en } : null;
  };
  return {
    overview: overviewData(report, year, lang),
    nodes: report.nodes,
    indicators: indicators.map((n) => {
      const national = index.national.get(`${n.code}|${year}`);
      return {
        code: n.code,
        name_zh: n.name_zh,
        name_en: n.name_en,
        unit: n.unit,
        target: n.target,
        decimals: decimalsForUnit(n.unit, national?.value_median ?? null),
        median: national?.value_median ?? null,
        max: extreme(n.code, 'max'),
        min: extreme(n.code, 'min'),
      };
    }),
    coverage: [...rowsOf(index.coverageByYear, year)],
    downloads: report.downloads,
  };
};
