import { langOf } from '../langOf';
import { loadReport } from '../loadReport.server';
import { overviewData } from '../overviewData.server';
import type { PageServerLoad } from './$types';

/** The overview of the latest year. */
export const load: PageServerLoad = ({ params }) => {
  const report = loadReport();
  const year = report.years.at(-1);
  if (year === undefined) throw new Error('the report has no year with results');
  return overviewData(report, year, langOf(params.lang));
};
