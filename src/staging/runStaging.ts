import type { Problem } from '../lib/InputError.ts';
import type { DataDir } from '../dataDir/DataDir.ts';
import { publishedPathMacro } from '../intake/publishedPath.ts';
import { runMicrodata } from '../microdata/runMicrodata.ts';
import type { Database } from '../database/openDatabase.ts';
import { runQuery } from '../database/runQueries.ts';
import { runEnterprises } from '../enterprises/runEnterprises.ts';
import { runInstitutions } from '../institutions/runInstitutions.ts';
import { runSurveys } from '../survey/runSurveys.ts';
import { aggregateInWarehouse } from '../warehouse/aggregateInWarehouse.ts';

/**
 * Loads the checked inputs into the typed tables of queries/staging/ (the observations unless
 * intake streamed them there already), adds the aggregates of any microdata (queries/microdata/;
 * a warehouse's tables are aggregated in the warehouse: src/warehouse/), the estimates of any
 * survey (src/survey/), the figures of an enterprise register (src/enterprises/) and of the
 * institutions' transfer reports (src/institutions/), and converts units. Returns the problems
 * found in the microdata records, the surveys and the register, for the checks stage to report
 * with the others.
 */
export async function runStaging(db: Database, data: DataDir): Promise<Problem[]> {
  // Intake that streamed the observations into DuckDB has created the input tables already.
  if (data.streamed === undefined) await runQuery(db, 'staging/00_inputs.sql');
  // What is published names files relative to the data directory (publishedPath.ts).
  await db.exec(publishedPathMacro(data.label));
  await db.append(
    'regions',
    data.regions.map((r) => [r.region_code, r.name_zh, r.name_en, r.level, r.parent_code || null, r.zone]),
  );
  // Which regions each lies in: the unit-level stages roll their units up through it.
  await runQuery(db, 'staging/05_region_closure.sql');
  await db.append(
    'variables',
    data.variables.map((v) => [v.variable, v.dataset, v.name_zh, v.name_en, v.unit, v.min, v.max, v.description, v.source || null]),
  );
  await db.append(
    'framework',
    data.nodes.map((n) => [n.code, n.parent, n.level, n.name_zh, n.name_en, n.unit, n.direction, n.weight, n.formula, n.target]),
  );
  await db.append(
    'observations_raw',
    data.observations.map((o) => [
      o.region_code,
      o.year,
      o.variable,
      o.source_value,
      o.source_unit,
      o.source_file,
      o.source_row,
      o.source_column,
    ]),
  );
  const files = data.microdata ?? [];
  const { warehouse } = data;
  const made =
    warehouse === undefined
      ? undefined
      : (into: Database) =>
          aggregateInWarehouse(
            into,
            warehouse,
            data.regions.map((r) => r.region_code),
            new Set(files.map((m) => m.dataset.name)),
          );
  const { problems: microdataProblems, inputs } = await runMicrodata(db, files, made);
  data.inputs.push(...inputs);
  const surveyProblems = await runSurveys(db, data);
  // After every other source: the register's figures cover the years the others do.
  const registerProblems = await runEnterprises(db, data);
  const reportProblems = await runInstitutions(db, data);
  await runQuery(db, 'staging/10_units.sql');
  await runQuery(db, 'staging/20_observations.sql');
  return [...microdataProblems, ...surveyProblems, ...registerProblems, ...reportProblems];
}
