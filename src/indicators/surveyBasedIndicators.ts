import { formulaVariables } from '../lib/formula.ts';
import type { DataDir } from '../dataDir/DataDir.ts';
import type { Database } from '../database/openDatabase.ts';
import type { Indicator } from '../dataDir/DataDir.ts';

/**
 * The indicators whose formula reads a variable that a survey estimated by region (the table
 * survey_sampling_errors, which src/survey/runSurveys.ts fills; none without surveys), and the
 * variables those formulas read.
 */
export async function surveyBasedIndicators(db: Database, data: DataDir): Promise<{ indicators: Indicator[]; variables: string[] }> {
  const tables = await db.query<{ n: number }>(
    "SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name = 'survey_sampling_errors'",
  );
  if (tables[0]?.n !== 1) return { indicators: [], variables: [] };
  const estimated = new Set(
    (await db.query<{ variable: string }>('SELECT DISTINCT variable FROM survey_sampling_errors')).map((r) => r.variable),
  );
  const indicators = data.indicators.filter((indicator) => formulaVariables(indicator.ast).some((v) => estimated.has(v)));
  return { indicators, variables: [...new Set(indicators.flatMap((i) => formulaVariables(i.ast)))] };
}
