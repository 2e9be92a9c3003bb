import { readFileSync } from 'node:fs';
import type { Report } from '$lib/report';

let cached: { path: string; report: Report } | undefined;

/**
 * The pipeline's results, handed over as JSON by `ipindex build` (src/build/build.ts) through
 * IPINDEX_REPORT; read once per build, however many pages are prerendered from it.
 */
export function loadReport(): Report {
  const path = process.env.IPINDEX_REPORT;
  if (!path) throw new Error('IPINDEX_REPORT is not set: the report is built by `ipindex build`, not by vite alone');
  if (cached?.path !== path) cached = { path, report: JSON.parse(readFileSync(path, 'utf8')) as Report };
  return cached.report;
}
