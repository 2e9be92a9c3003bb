import type { DataDir } from '../intake/loadDataDir.ts';
import type { Database } from '../openDatabase.ts';
import { runQuery } from '../runQueries.ts';
import { levelAggregation, topLevel } from './runComposite.ts';

/**
 * Runs the uncertainty analysis (queries/uncertainty/): a seeded Monte Carlo over the weights
 * (+-uncertainty.weights), the normalisation and the aggregation method, all runs at once in SQL,
 * leaving the table `uncertainty` (rank, rank_p05, rank_median, rank_p95 of every region and node,
 * in the latest year or in every year: uncertainty.years). With uncertainty.runs = 0 the bands are empty. Needs the composite tables.
 */
export async function runUncertainty(db: Database, data: DataDir): Promise<{ runs: number }> {
  const { uncertainty, normalise } = data.method;
  await runQuery(db, 'uncertainty/00_uncertainty_choices.sql');
  const normaliseChoices = uncertainty.normalise ?? [normalise.method];
  const aggregateChoices = uncertainty.aggregate ?? ['configured'];
  await db.append('uncertainty_choices', [
    ...[...new Set(normaliseChoices)].map((method, ord) => ['normalise', ord, method]),
    ...[...new Set(aggregateChoices)].map((method, ord) => ['aggregate', ord, method]),
  ]);
  const seed = { seed: uncertainty.seed };
  await runQuery(db, 'uncertainty/05_uniform_draw.sql');
  await runQuery(db, 'uncertainty/10_mc_runs.sql', { runs: uncertainty.runs, ...seed });
  await runQuery(db, 'uncertainty/20_mc_nodes.sql');
  await runQuery(db, 'uncertainty/21_mc_units.sql', { all_years: uncertainty.years === 'all' });
  await runQuery(db, 'uncertainty/30_mc_weights.sql', { spread: uncertainty.weights, ...seed });
  await runQuery(db, 'uncertainty/31_mc_weight_lists.sql');
  const { power } = data.method.aggregate;
  await runQuery(db, 'uncertainty/40_mc_children.sql', { power });
  await runQuery(db, 'uncertainty/41_mc_scores.sql', { method: levelAggregation(data.method, 2), power });
  for (let level = 3; level <= topLevel(data); level++) {
    await runQuery(db, 'uncertainty/42_mc_scores_level.sql', { level, method: levelAggregation(data.method, level), power });
  }
  await runQuery(db, 'uncertainty/50_uncertainty.sql');
  return { runs: uncertainty.runs };
}

/** A line for the build log saying what the uncertainty stage did. */
export function describeUncertainty(data: DataDir): string {
  const { uncertainty, normalise } = data.method;
  if (uncertainty.runs === 0) return 'off (uncertainty.runs = 0)';
  const over = [
    `weights +-${uncertainty.weights * 100}%`,
    `normalisation ${(uncertainty.normalise ?? [normalise.method]).join('/')}`,
    uncertainty.aggregate === undefined ? null : `aggregation ${uncertainty.aggregate.join('/')}`,
  ];
  const years = uncertainty.years === 'all' ? 'every year' : 'the latest year';
  return `${uncertainty.runs.toLocaleString('en-US')} runs (seed ${uncertainty.seed}) on ${years} over ${over.filter((o) => o !== null).join(', ')}`;
}
