import { InputError, type Problem } from '../lib/InputError.ts';
import { formulaVariables } from '../lib/formula.ts';
import { compileIndicators } from './compileIndicators.ts';
import type { DataDir } from '../dataDir/DataDir.ts';
import type { Database } from '../database/openDatabase.ts';
import { runQuery, selectQuery } from '../database/runQueries.ts';
import { surveyBasedIndicators } from './surveyBasedIndicators.ts';

/**
 * Computes every indicator of the framework for the regions and, by the same formulas, for the
 * nation from its totals (queries/indicators/), and the interval of every value that rests on a
 * survey estimate (indicator_intervals, empty without surveys); returns the formula SQL as run.
 */
export async function runIndicators(db: Database, data: DataDir): Promise<string> {
  const indicatorsSql = compileIndicators(data.indicators);
  const nationalSql = compileIndicators(data.indicators, { source: 'national_wide', target: 'national_indicator_values' });
  await runQuery(db, 'indicators/10_observations_wide.sql');
  await db.exec(indicatorsSql);
  await runQuery(db, 'indicators/20_national_wide.sql');
  await db.exec(nationalSql);
  await runQuery(db, 'indicators/30_indicators.sql');
  await runQuery(db, 'indicators/40_national_indicators.sql');
  const empty = await selectQuery<{ indicator: string; variables_without_values: string[] | null }>(
    db,
    'indicators/50_indicators_without_values.sql',
  );
  if (empty.length > 0) throw new InputError(empty.map((row) => emptyIndicator(data, row.indicator, row.variables_without_values ?? [])));
  const intervalsSql = await indicatorIntervals(db, data);
  return [indicatorsSql, nationalSql, intervalsSql].filter((sql) => sql !== '').join('\n');
}

/**
 * Carries each survey estimate's interval through the formulas that read it
 * (queries/indicators/70_indicator_intervals.sql); returns the formula SQL it ran, or '' when
 * no indicator rests on a survey.
 */
async function indicatorIntervals(db: Database, data: DataDir): Promise<string> {
  const { indicators, variables } = await surveyBasedIndicators(db, data);
  if (indicators.length === 0) {
    await db.exec('CREATE TABLE indicator_intervals (region_code VARCHAR, year INTEGER, indicator VARCHAR, ci_low DOUBLE, ci_high DOUBLE)');
    return '';
  }
  await runQuery(db, 'indicators/55_interval_bounds.sql');
  await db.append(
    'perturbed_variables',
    variables.map((v) => [v]),
  );
  await runQuery(db, 'indicators/60_perturbed_wide.sql');
  const sql = compileIndicators(indicators, { source: 'perturbed_wide', target: 'indicator_bound_values', keys: ['key'] });
  await db.exec(sql);
  await runQuery(db, 'indicators/70_indicator_intervals.sql');
  return sql;
}

/** The problem of an indicator without any value, naming the variables its formula lacks. */
function emptyIndicator(data: DataDir, code: string, withoutValues: readonly string[]): Problem {
  const indicator = data.indicators.find((i) => i.code === code);
  const framework = data.inputs.find((i) => i.role === 'framework')?.file ?? 'framework.csv';
  const lacking = indicator === undefined ? [] : formulaVariables(indicator.ast).filter((v) => withoutValues.includes(v));
  const why =
    lacking.length > 0 ? `no file gives any value of ${lacking.join(', ')}` : 'its variables never have values in the same region and year';
  return {
    file: framework,
    ...(indicator?.row === undefined ? {} : { row: indicator.row }),
    column: 'formula',
    found: `the indicator "${code}" with no value in any region and year (${why})`,
    expected: `data for the variables of its formula (an observation file with ${lacking[0] ?? 'them'}), or the indicator taken out of framework.csv`,
  };
}
