import { error } from '@sveltejs/kit';
import { estimateChart } from '$charts/index';
import { chartSlot } from '../../../chartSlots.server';
import { langOf } from '../../../langOf';
import { loadReport } from '../../../loadReport.server';
import type { EntryGenerator, PageServerLoad } from './$types';

/** A page for every survey of the data directory, in both languages. */
export const entries: EntryGenerator = () =>
  ['', 'en'].flatMap((lang) => [...new Set((loadReport().surveys?.summaries ?? []).map((s) => s.survey))].map((name) => ({ lang, name })));

/** A survey: its design in brief, its estimates with intervals and quality, a chart by region of each estimate by region. */
export const load: PageServerLoad = ({ params }) => {
  const lang = langOf(params.lang);
  const surveys = loadReport().surveys;
  // The latest wave's design in brief, charts and cells; the other waves in brief (their cells
  // are in estimates.csv: a page of every wave's cells would grow without bound).
  const waves = (surveys?.summaries ?? []).filter((s) => s.survey === params.name).sort((a, b) => a.year - b.year);
  const summary = waves.at(-1);
  if (surveys === undefined || summary === undefined) error(404, `no survey ${params.name}`);
  const latest = surveys.estimates
    .filter((e) => e.survey === summary.survey && e.year === summary.year)
    .map(({ survey: _survey, ...e }) => e);
  const byRegion = [...new Set(latest.filter((e) => e.domain === 'region_code').map((e) => `${e.variable}|${e.statistic}`))];
  const charts = byRegion.map((key) => {
    const [variable = '', statistic = ''] = key.split('|');
    const rows = latest.filter((e) => e.variable === variable && e.statistic === statistic && e.domain === 'region_code');
    const largest = Math.max(...rows.map((r) => Math.abs(r.estimate ?? 0)));
    return { variable, statistic, svg: chartSlot(estimateChart(rows, { locale: lang, name: variable, decimals: decimalsFor(largest) })) };
  });
  return {
    summary,
    estimates: latest,
    charts,
    waves: waves.map((w) => ({ year: w.year, respondents: w.respondents, strata: w.strata, weight_total: w.weight_total })),
  };
};

/** Enough decimals for about four significant digits. */
function decimalsFor(largest: number): number {
  if (!(largest > 0)) return 2;
  return Math.max(0, Math.min(6, 3 - Math.floor(Math.log10(largest))));
}
