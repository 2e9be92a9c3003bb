import { join } from 'node:path';
import { InputError, quoteFound, type Problem } from '../lib/InputError.ts';
import { createRegionMatcher } from '../lib/regionMatcher.ts';
import { nationalCode } from '../lib/types.ts';
import type { DataDir } from '../dataDir/DataDir.ts';
import { hashFile } from '../files/hashFile.ts';
import { surveyResponsesFile } from '../intake/surveyResponsesFile.ts';
import type { Cell, Database } from '../database/openDatabase.ts';
import { runQuery } from '../database/runQueries.ts';
import { estimateSurvey } from './estimateSurvey.ts';
import { estimateColumns } from './writeEstimates.ts';

/**
 * Estimates every survey of a data directory (surveys/<name>/) and brings the results into
 * the build: all cells into survey_estimates (queries/survey/80_published_estimates.sql), and the
 * estimates by region_code, and of the whole population as the nation's, of variables the
 * codebook declares, into observations_raw as observations like any other (value = the
 * estimate; a suppressed cell is missing). Records each survey's files in the manifest's
 * inputs. Returns the problems found, for the checks stage to report with the others.
 */
export async function runSurveys(db: Database, data: DataDir): Promise<Problem[]> {
  const surveys = data.surveys ?? [];
  if (surveys.length === 0) return [];
  await runQuery(db, 'survey/80_published_estimates.sql');
  const problems: Problem[] = [];
  const matcher = createRegionMatcher(data.regions);
  const codebook = new Map(data.variables.map((v) => [v.variable, v]));
  for (const survey of surveys) {
    const result = await estimateSurvey(survey.dir, survey.label, survey.name).catch((error: unknown) => {
      if (error instanceof InputError) problems.push(...error.problems);
      else throw error;
      return null;
    });
    if (result === null) continue;
    const responses = (await surveyResponsesFile(survey.dir)) === 'responses.parquet' ? 'responses.parquet' : 'responses.csv';
    for (const file of [responses, 'design.yaml']) {
      const { sha256, bytes } = await hashFile(join(survey.dir, file));
      data.inputs.push({
        file: join(survey.label, file),
        role: 'survey',
        sha256,
        bytes,
        ...(file === responses ? { rows: result.waves.reduce((n, w) => n + w.load.respondents, 0) } : {}),
      });
    }
    await db.append(
      'survey_estimates',
      result.estimates.map((e) => estimateColumns.map((c) => e[c])),
    );
    const { design } = result;
    await db.append(
      'survey_summaries',
      result.waves.map(({ year, load }) => [
        survey.name,
        year,
        load.respondents,
        load.strata,
        load.psus,
        load.weightTotal,
        design.ids.join(' > '),
        design.replicate === undefined ? 'linearised' : `${design.replicate.type} replicate weights (${load.replicates})`,
        load.calibrated,
        design.lonely_psu,
      ]),
    );
    const source = join(survey.label, responses);
    const observations: Cell[][] = [];
    const errors: Cell[][] = [];
    for (const e of result.estimates) {
      const variable = codebook.get(e.variable);
      if (variable === undefined || (e.domain !== 'region_code' && e.domain !== 'all')) continue;
      const match = e.domain === 'all' ? null : matcher.match(e.domain_value);
      if (match !== null && match.kind !== 'region') {
        if (match.kind === 'unknown')
          problems.push({
            file: source,
            column: 'region_code',
            found: `the unknown region ${quoteFound(e.domain_value)}`,
            expected: 'a region_code or name listed in regions.csv',
          });
        continue;
      }
      const region = match === null ? nationalCode : match.region_code;
      observations.push([
        region,
        e.year,
        e.variable,
        e.estimate,
        variable.unit,
        source,
        0,
        `${e.statistic} estimated (quality ${e.quality}${e.suppressed === null ? '' : `, suppressed: ${e.suppressed}`})`,
      ]);
      if (match !== null && e.estimate !== null && e.se !== null)
        errors.push([region, e.year, e.variable, e.estimate, e.se, e.ci_low, e.ci_high]);
    }
    await db.append('observations_raw', observations);
    await db.append('survey_sampling_errors', errors);
  }
  return problems;
}
