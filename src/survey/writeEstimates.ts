import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { csvLine } from '../report/csvLine.ts';
import type { SurveyEstimate } from './estimateSurvey.ts';

/** The columns of estimates.csv (output contract), in order. */
export const estimateColumns = [
  'survey',
  'year',
  'variable',
  'statistic',
  'domain',
  'domain_value',
  'estimate',
  'se',
  'ci_low',
  'ci_high',
  'cv',
  'n_respondents',
  'quality',
  'suppressed',
  'deff',
] as const;

/** Writes `dir/estimates.csv`, whole or not at all (a temporary file renamed into place). */
export async function writeEstimates(dir: string, estimates: readonly SurveyEstimate[]): Promise<string> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, 'estimates.csv');
  const lines = [csvLine(estimateColumns), ...estimates.map((e) => csvLine(estimateColumns.map((c) => e[c])))];
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, `${lines.join('\n')}\n`);
  await rename(temporary, path);
  return path;
}
