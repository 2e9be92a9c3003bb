import { join } from 'node:path';
import { InputError } from '../lib/InputError.ts';
import type { SurveyEstimateRow } from '../lib/report.ts';
import { openDatabase } from '../pipeline/openDatabase.ts';
import { runQuery, selectQuery } from '../pipeline/runQueries.ts';
import type { Design } from './designSchema.ts';
import { calibratedInfluence } from './calibrate.ts';
import { loadResponses, type SurveyFiles, type SurveyLoad } from './loadResponses.ts';
import { readDesign } from './readDesign.ts';
import { surveyYears } from './surveyYears.ts';

/**
 * One published cell of a survey (output contract: estimates.csv), with the estimate and its
 * se before suppression: for checks of the estimator, never published.
 */
export type SurveyEstimate = Omit<SurveyEstimateRow, 'name_zh' | 'name_en'> & { unsuppressed_estimate: number; unsuppressed_se: number | null };

/** A wave of a survey: its year and its design summary. */
export type SurveyWave = { year: number; load: SurveyLoad };

/** A survey estimated: its design, each wave's summary, every cell of every wave. */
export type SurveyResult = { name: string; design: Design; waves: SurveyWave[]; estimates: SurveyEstimate[] };

/**
 * Estimates a survey folder (`responses.csv` and `design.yaml`): design-based totals, means
 * and ratios in every domain, with linearised or replicate-weight standard errors, in SQL
 * (queries/survey/), each wave (year) as a sample of its own when the design names a year
 * column. `label` names the folder in messages. Throws InputError for a bad design or bad
 * responses.
 */
export async function estimateSurvey(dir: string, label: string, name: string): Promise<SurveyResult> {
  const read = await readDesign(join(dir, 'design.yaml'), join(label, 'design.yaml'));
  if ('problems' in read) throw new InputError(read.problems);
  const { design } = read;
  const files: SurveyFiles = { dir, label };
  const column = typeof design.year === 'string' ? design.year : null;
  const years = column === null ? [design.year as number] : await surveyYears(dir, label, column);
  const waves: SurveyWave[] = [];
  const estimates: SurveyEstimate[] = [];
  for (const year of years) {
    const database = await openDatabase();
    try {
      const load = await loadResponses(database, files, design, column === null ? null : { column, year });
      await runQuery(database, 'survey/30_terms.sql');
      if (design.replicate === undefined) {
        await runQuery(database, 'survey/40_influence.sql');
        if (design.calibrate !== undefined) await calibratedInfluence(database, design.calibrate);
        await runQuery(database, 'survey/50_linearised_variance.sql');
        await database.exec('CREATE VIEW survey_variance AS SELECT * FROM survey_linearised');
      } else {
        await runQuery(database, 'survey/60_replicate_variance.sql');
        await database.exec('CREATE VIEW survey_variance AS SELECT * FROM survey_replicated');
      }
      const rows = await selectQuery<Omit<SurveyEstimate, 'survey' | 'year'>>(database, 'survey/70_estimates.sql');
      for (const row of rows) estimates.push({ survey: name, year, ...row, n_respondents: Number(row.n_respondents) });
      waves.push({ year, load });
    } finally {
      database.close();
    }
  }
  return { name, design, waves, estimates };
}
