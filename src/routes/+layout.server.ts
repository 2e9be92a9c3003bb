import type { LayoutServerLoad } from './$types';
import { langOf } from './langOf';
import { loadReport } from './loadReport.server';

// Every page is rendered to static HTML at build time (src/site/renderPages.ts); the
// report needs no server. While the app is only compiled (src/site/compiledApp.ts),
// nothing is prerendered: SvelteKit would render every page of whatever report it is given.
export const prerender = process.env.IPINDEX_SITE_COMPILE !== '1';

/** What every page's frame shows: title, language, the sample-data banner, the navigation. */
export const load: LayoutServerLoad = ({ params }) => {
  const report = loadReport();
  return {
    lang: langOf('lang' in params ? params.lang : undefined),
    title: report.title,
    sampleData: report.sampleData,
    version: report.version,
    // Scores normalised within each year (normalise.over: year) rank the regions of that year; across years they are not comparable, and the trend charts say so.
    scoresByYear: (report.method.normalise as { over?: string } | undefined)?.over !== 'all',
    // The publications the numbers come from (variables.csv's source up to its first comma), for the footer of every page.
    publications: [...new Set(report.sources.flatMap((s) => (s.source === null ? [] : [s.source.split(/[,，]/)[0]!.trim()])))].sort(),
    builtAt: report.builtAt,
    // The accounts pages (src/routes/[[lang]]/accounts) exist when the pipeline reports on national accounts.
    hasAccounts: report.accounts !== undefined,
    // The enterprise IP management page (src/routes/[[lang]]/enterprises) has content when the data directory holds a register.
    hasEnterprises: report.enterprises !== undefined,
    // The page of the institutions' transfer reports (src/routes/[[lang]]/institutions) has content when the data directory holds their reports.
    hasInstitutions: report.institutions !== undefined,
  };
};
