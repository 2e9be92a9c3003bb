import { readFileSync } from 'node:fs';
import type { Report } from '$lib/report';
import type { PageServerLoad } from './$types';

/** The pipeline's results, handed over as JSON by `ipindex build` (src/pipeline/build.ts). */
export const load: PageServerLoad = () => {
  const path = process.env.IPINDEX_REPORT;
  if (!path) throw new Error('IPINDEX_REPORT is not set: the report is built by `ipindex build`, not by vite alone');
  const report = JSON.parse(readFileSync(path, 'utf8')) as Report;
  const year = report.years.at(-1) ?? null;
  return {
    title: report.title,
    sampleData: report.sampleData,
    year,
    ranking: report.ranking.filter((row) => row.year === year),
  };
};
