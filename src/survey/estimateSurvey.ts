import { join } from 'node:path';
import { InputError } from '../lib/InputError.ts';
import { openDatabase, type Database } from '../pipeline/openDatabase.ts';
import { runQuery, selectQuery } from '../pipeline/runQueries.ts';
import type { Design } from './designSchema.ts';
import { calibratedInfluence } from './calibrate.ts';
import { loadResponses, type SurveyFiles, type SurveyLoad } from './loadResponses.ts';
import { readDesign } from './readDesign.ts';

/** One published cell of a survey (output contract: estimates.csv). */
export type SurveyEstimate = {
  survey: string;
  year: number;
  variable: string;
  statistic: Design['estimates'][number]['statistic'];
  domain: string;
  domain_value: string;
  estimate: number | null;
  se: number | null;
  ci_low: number | null;
  ci_high: number | null;
  cv: number | null;
  n_respondents: number;
  quality: string;
  suppressed: string | null;
  /** The estimate and its se before suppression: for checks of the estimator, never published. */
  unsuppressed_estimate: number;
  unsuppressed_se: number | null;
};

export type SurveyResult = { name: string; design: Design; load: SurveyLoad; estimates: SurveyEstimate[] };

/**
 * Estimates a survey folder (`responses.csv` and `design.yaml`): design-based totals, means
 * and ratios in every domain, with linearised or replicate-weight standard errors, in SQL
 * (queries/survey/). `label` names the folder in messages. Throws InputError for a bad design
 * or bad responses.
 */
export async function estimateSurvey(dir: string, label: string, name: string, db?: Database): Promise<SurveyResult> {
  const read = await readDesign(join(dir, 'design.yaml'), join(label, 'design.yaml'));
  if ('problems' in read) throw new InputError(read.problems);
  const { design } = read;
  const own = db === undefined;
  const database = db ?? (await openDatabase());
  try {
    const files: SurveyFiles = { dir, label };
    const load = await loadResponses(database, files, design);
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
    const estimates = rows.map((row) => ({ survey: name, year: design.year, ...row, n_respondents: Number(row.n_respondents) }));
    return { name, design, load, estimates };
  } finally {
    if (own) database.close();
  }
}
