import { transferTrendChart } from '$charts/index';
import { nationalCode } from '$lib/types';
import { chartSlot } from '../../chartSlots.server';
import { langOf } from '../../langOf';
import { loadReport } from '../../loadReport.server';
import type { EntryGenerator, PageServerLoad } from './$types';

// In both languages, with reports or without (the page then says there are none and no menu
// links to it; the other language's page is still there for its language link).
export const entries: EntryGenerator = () => [{ lang: '' }, { lang: 'en' }];

/**
 * IP transfer and transformation of universities and research institutions: the national and
 * regional sums of the reports received, by kind and affiliation, the concentration of income,
 * the league table of institutions with their untransformed state-funded patents, and who has
 * not reported. Without reports the page says so.
 */
export const load: PageServerLoad = ({ params }) => {
  const lang = langOf(params.lang);
  const report = loadReport();
  const reports = report.institutions;
  if (reports === undefined) return { present: false as const };
  const value = new Map(reports.series.map((r) => [`${r.region_code}|${r.year}|${r.variable}`, r.value]));
  const get = (region: string, year: number, variable: string) => value.get(`${region}|${year}|${variable}`) ?? null;
  const years = [...new Set(reports.series.map((r) => r.year))].sort((a, b) => a - b);
  const year = years.at(-1) ?? 0;
  const figures = (region: string) => {
    const held = get(region, year, 'institution_patents_held');
    const untransformed = get(region, year, 'untransformed_state_funded_patents');
    return {
      registered: get(region, year, 'institutions_registered'),
      reporting: get(region, year, 'institutions_reporting'),
      income: get(region, year, 'institution_transfer_income'),
      contracts: get(region, year, 'transfer_contracts'),
      held,
      untransformed,
      untransformedShare: held === null || untransformed === null || held === 0 ? null : (100 * untransformed) / held,
    };
  };
  return {
    present: true as const,
    year,
    untransformedYears: reports.untransformedYears,
    nation: figures(nationalCode),
    regions: report.regions
      .filter((r) => r.region_code !== nationalCode)
      .map((r) => ({ region_code: r.region_code, name_zh: r.name_zh, name_en: r.name_en, ...figures(r.region_code) }))
      .filter((r) => (r.registered ?? 0) > 0),
    byKind: reports.byKind,
    concentration: reports.concentration,
    league: reports.league,
    regionNames: Object.fromEntries(report.regions.map((r) => [r.region_code, { name_zh: r.name_zh, name_en: r.name_en }])),
    missing: reports.missing.filter((m) => m.year >= year - 2),
    flags: reports.flags,
    charts: {
      trend: chartSlot(
        transferTrendChart(
          years.map((y) => ({
            year: y,
            income: get(nationalCode, y, 'institution_transfer_income'),
            contracts: get(nationalCode, y, 'transfer_contracts'),
          })),
          lang,
        ),
      ),
    },
  };
};
