import { error } from '@sveltejs/kit';
import { estimateChart } from '$charts/index';
import { chartSlot } from '../../../chartSlots.server';
import { langOf } from '../../../langOf';
import { loadReport } from '../../../loadReport.server';
import type { EntryGenerator, PageServerLoad } from './$types';

/** A page for every survey of the data directory, in both languages. */
export const entries: EntryGenerator = () =>
  ['', 'en'].flatMap((lang) => (loadReport().surveys?.summaries ?? []).map((s) => ({ lang, name: s.survey })));

/** A survey: its design in brief, its estimates with intervals and quality, a chart by region of each estimate by region. */
export const load: PageServerLoad = ({ params }) => {
  const lang = langOf(params.lang);
  const surveys = loadReport().surveys;
  const summary = surveys?.summaries.find((s) => s.survey === params.name);
  if (surveys === undefined || summary === undefined) error(404, `no survey ${params.name}`);
  const estimates = surveys.estimates.filter((e) => e.survey === summary.survey).map(({ survey: _survey, year: _year, ...e }) => e);
  const byRegion = [...new Set(estimates.filter((e) => e.domain === 'region_code').map((e) => `${e.variable}|${e.statistic}`))];
  const charts = byRegion.map((key) => {
    const [variable = '', statistic = ''] = key.split('|');
    const rows = estimates.filter((e) => e.variable === variable && e.statistic === statistic && e.domain === 'region_code');
    const largest = Math.max(...rows.map((r) => Math.abs(r.estimate ?? 0)));
    return { variable, statistic, svg: chartSlot(estimateChart(rows, { locale: lang, name: variable, decimals: decimalsFor(largest) })) };
  });
  return { summary, estimates, charts };
};

/** Enough decimals for about four significant digits. */
function decimalsFor(largest: number): number {
  if (!(largest > 0)) return 2;
  return Math.max(0, Math.min(6, 3 - Math.floor(Math.log10(largest))));
}
