import { compileIndicators } from '../compileIndicators.ts';
import type { DataDir } from '../intake/loadDataDir.ts';
import type { Database } from '../openDatabase.ts';
import { runQuery } from '../runQueries.ts';

/**
 * Computes every indicator of the framework for the regions and, by the same formulas, for the
 * nation from its totals (queries/indicators/); returns the formula SQL as run.
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
  return `${indicatorsSql}\n${nationalSql}`;
}
