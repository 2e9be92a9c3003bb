import { InputError, type Problem } from '../lib/InputError.ts';
import { compileIndicators } from './compileIndicators.ts';
import type { StageLog } from './createStageLog.ts';
import type { DataDir } from './intake/loadDataDir.ts';
import type { Database } from './openDatabase.ts';
import { runChecks, runQuery } from './runQueries.ts';

/** What a run computed besides its tables: the generated indicator SQL, for the record. */
export type Computed = { indicatorsSql: string };

/**
 * Runs the SQL of queries/ over a checked data directory, stage by stage: staging, checks,
 * indicators, composite. Leaves the tables `observations`, `indicators` and `scores` in `db`.
 * Throws InputError with the problems intake found together with those of queries/checks/.
 */
export async function computeResults(db: Database, data: DataDir, log: StageLog): Promise<Computed> {
  await log('staging', async () => {
    await runQuery(db, 'staging/00_inputs.sql');
    await db.append('regions', data.regions.map((r) => [r.region_code, r.name_zh, r.name_en, r.level, r.parent_code || null, r.zone]));
    await db.append('variables', data.variables.map((v) => [v.variable, v.dataset, v.name_zh, v.name_en, v.unit, v.min, v.max, v.description]));
    await db.append('framework', data.nodes.map((n) => [n.code, n.parent, n.level, n.name_zh, n.name_en, n.unit, n.direction, n.weight, n.formula, n.target]));
    await db.append('observations_raw', data.observations.map((o) => [o.region_code, o.year, o.variable, o.source_value, o.source_unit, o.source_file, o.source_row, o.source_column]));
    await runQuery(db, 'staging/10_units.sql');
    await runQuery(db, 'staging/20_observations.sql');
  }, () => `${data.observations.length.toLocaleString('en-US')} values of ${data.variables.length} variables`);

  const problems = await log('checks', async () => [...data.problems, ...(await runChecks(db))], (p) =>
    p.length === 0 ? 'no problems' : `${p.length} problems`);
  if (problems.length > 0) throw new InputError(problems.sort(byPlace));

  const indicatorsSql = compileIndicators(data.indicators);
  await log('indicators', async () => {
    await runQuery(db, 'indicators/10_observations_wide.sql');
    await db.exec(indicatorsSql);
    await runQuery(db, 'indicators/30_indicators.sql');
  }, () => `${data.indicators.length} indicators x ${data.regions.length} regions`);

  const { normalise } = data.method;
  const topLevel = Math.max(...data.nodes.map((n) => n.level));
  await log('composite', async () => {
    await runQuery(db, 'composite/10_normalised.sql', { lower: normalise.lower, upper: normalise.upper, over: normalise.over });
    await runQuery(db, 'composite/20_aggregated.sql');
    for (let level = 2; level <= topLevel; level++) await runQuery(db, 'composite/21_aggregated_level.sql', { level });
    await runQuery(db, 'composite/30_scores.sql');
  }, () => `min-max [${normalise.lower}, ${normalise.upper}] per ${normalise.over}, ${topLevel - 1} levels of means`);

  return { indicatorsSql };
}

/** Orders problems as a reader goes through the files: by file, then row, then column. */
function byPlace(a: Problem, b: Problem): number {
  return a.file.localeCompare(b.file) || (a.row ?? 0) - (b.row ?? 0) || (a.column ?? '').localeCompare(b.column ?? '');
}
