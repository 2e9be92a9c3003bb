import type { DataDir } from '../intake/loadDataDir.ts';
import type { Database } from '../openDatabase.ts';
import { runQuery } from '../runQueries.ts';

/** Normalises, aggregates level by level and ranks (queries/composite/), as method.yaml says. */
export async function runComposite(db: Database, data: DataDir): Promise<void> {
  const { normalise } = data.method;
  const topLevel = Math.max(...data.nodes.map((n) => n.level));
  await runQuery(db, 'composite/10_normalised.sql', { lower: normalise.lower, upper: normalise.upper, over: normalise.over });
  await runQuery(db, 'composite/20_aggregated.sql');
  for (let level = 2; level <= topLevel; level++) await runQuery(db, 'composite/21_aggregated_level.sql', { level });
  await runQuery(db, 'composite/30_scores.sql');
}

/** A line for the build log saying what the composite stage did. */
export function describeComposite(data: DataDir): string {
  const { normalise } = data.method;
  const levels = Math.max(...data.nodes.map((n) => n.level)) - 1;
  return `min-max [${normalise.lower}, ${normalise.upper}] per ${normalise.over}, ${levels} levels of means`;
}
