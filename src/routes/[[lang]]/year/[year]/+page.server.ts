import { error } from '@sveltejs/kit';
import { langOf } from '../../../langOf';
import { loadReport } from '../../../loadReport.server';
import { overviewData } from '../../../overviewData.server';
import type { EntryGenerator, PageServerLoad } from './$types';

/** Every year but the latest, which is the overview itself, in both languages. */
export const entries: EntryGenerator = () => {
  const years = loadReport().years.slice(0, -1);
  return ['', 'en'].flatMap((lang) => years.map((year) => ({ lang, year: String(year) })));
};

/** The overview of an earlier year. */
export const load: PageServerLoad = ({ params }) => {
  const report = loadReport();
  const year = Number(params.year);
  if (!report.years.includes(year)) error(404, `no results for ${params.year}`);
  return overviewData(report, year, langOf(params.lang));
};
