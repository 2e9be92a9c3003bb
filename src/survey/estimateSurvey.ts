import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../lib/InputError.ts';
import type { SurveyEstimateRow } from '../lib/report.ts';
import { openDatabase } from '../database/openDatabase.ts';
import { runQuery, selectQuery } from '../database/runQueries.ts';
import type { Design } from './designSchema.ts';
import { calibratedInfluence } from './calibrate.ts';
import { cellSums } from './cellSums.ts';
import { influenceSums } from './influenceSums.ts';
import { loadResponses, type SurveyLoad } from './loadResponses.ts';
import { readDesign } from './readDesign.ts';
import { surveyYears } from './surveyYears.ts';
import { parquetYears } from './readResponsesParquet.ts';
import { surveyResponsesFile } from '../intake/surveyResponsesFile.ts';
import type { SurveyFiles } from './SurveyFiles.ts';

/**
 * One published cell of a survey (output contract: estimates.csv), with the estimate and its
 * se before suppression: for checks of the estimator, never published.
 */
export type SurveyEstimate = Omit<SurveyEstimateRow, 'name_zh' | 'name_en'> & {
  unsuppressed_estimate: number;
  unsuppressed_se: number | null;
};

/** A wave of a survey: its year and its design summary. */
export type SurveyWave = { year: number; load: SurveyLoad };

/** A survey estimated: its design, each wave's summary, every cell of every wave. */
export type SurveyResult = { name: string; design: Design; waves: SurveyWave[]; estimates: SurveyEstimate[] };

/**
 * Estimates a survey folder (`responses.csv` or `responses.parquet`, and `design.yaml`): design-based totals, means
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
  const years = column === null ? [design.year as number] : await waveYears(dir, label, column);
  // Each wave is a sample of its own in a database of its own (DuckDB on one thread, for sums
  // that do not depend on thread timing): waves are estimated side by side, one per core. A
  // failure is the earliest wave's, whichever finished first, so that messages do not vary.
  const results: ({ wave: SurveyWave; estimates: SurveyEstimate[] } | { error: unknown })[] = new Array(years.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < years.length; i = next++) {
      results[i] = await estimateWave(files, design, name, years[i]!, column).catch((error: unknown) => ({ error }));
    }
  };
  await Promise.all(Array.from({ length: Math.min(years.length, availableParallelism()) }, worker));
  const failed = results.find((r) => 'error' in r);
  if (failed !== undefined && 'error' in failed) throw failed.error;
  const done = results.filter((r): r is { wave: SurveyWave; estimates: SurveyEstimate[] } => !('error' in r));
  const waves = done.map((r) => r.wave);
  const estimates = done.flatMap((r) => r.estimates);
  return { name, design, waves, estimates };
}

/** One wave (year) of a survey, estimated in a database of its own. */
async function estimateWave(
  files: SurveyFiles,
  design: Design,
  name: string,
  year: number,
  column: string | null,
): Promise<{ wave: SurveyWave; estimates: SurveyEstimate[] }> {
  const database = await openDatabase();
  try {
    const { load, table, requests } = await loadResponses(database, files, design, column === null ? null : { column, year });
    const { calibrate } = design;
    // Respondents sampled directly, weights not calibrated: the first pass, split by stratum,
    // gives totals their variance too (35_total_moments.sql).
    const byStratum = design.replicate === undefined && calibrate === undefined && table.stages === 0;
    await cellSums(database, requests, table.replicates, design.disclosure.dominance?.n ?? null, byStratum, load.respondents);
    await runQuery(database, 'survey/30_point_estimates.sql');
    if (design.replicate === undefined) {
      if (byStratum) await runQuery(database, 'survey/35_total_moments.sql');
      const rest = byStratum ? requests.filter((r) => r.statistic !== 'total') : requests;
      await influenceSums(
        database,
        rest,
        calibrate !== undefined ? 'respondents' : table.stages === 0 ? 'strata' : 'clusters',
        load.respondents,
      );
      if (calibrate !== undefined) {
        await calibratedInfluence(database, calibrate);
        await runQuery(database, 'survey/45_calibrated_totals.sql');
      }
      if (table.stages > 0) await runQuery(database, 'survey/48_cluster_moments.sql');
      await runQuery(database, 'survey/50_linearised_variance.sql');
      await database.exec('CREATE VIEW survey_variance AS SELECT * FROM survey_linearised');
    } else {
      await influenceSums(database, requests, 'squares', load.respondents);
      await runQuery(database, 'survey/60_replicate_variance.sql');
      await database.exec('CREATE VIEW survey_variance AS SELECT * FROM survey_replicated');
    }
    const rows = await selectQuery<Omit<SurveyEstimate, 'survey' | 'year'>>(database, 'survey/70_estimates.sql');
    return {
      wave: { year, load },
      estimates: rows.map((row) => ({ survey: name, year, ...row, n_respondents: Number(row.n_respondents) })),
    };
  } finally {
    database.close();
  }
}

/** The years of the waves of a survey whose design names a year column, from either kind of file. */
async function waveYears(dir: string, label: string, column: string): Promise<number[]> {
  if ((await surveyResponsesFile(dir)) !== 'responses.parquet') return surveyYears(dir, label, column);
  const database = await openDatabase();
  try {
    return await parquetYears(database, dir, label, column);
  } finally {
    database.close();
  }
}
