import { compileIndicators } from '../compileIndicators.ts';
import type { DataDir } from '../intake/loadDataDir.ts';
import type { Database } from '../openDatabase.ts';
import { runQuery } from '../runQueries.ts';

/** Computes every indicator of the framework (queries/indicators/); returns the formula SQL as run. */
export async function runIndicators(db: Database, data: DataDir): Promise<string> {
  const indicatorsSql = compileIndicators(data.indicators);
  await runQuery(db, 'indicators/10_observations_wide.sql');
  await db.exec(indicatorsSql);
  await runQuery(db, 'indicators/30_indicators.sql');
  return indicatorsSql;
}
