import { compileIndicators } from '../indicators/compileIndicators.ts';
import type { DataDir } from '../dataDir/DataDir.ts';
import type { Database } from '../database/openDatabase.ts';
import { onEveryCore } from '../database/onEveryCore.ts';
import { runQuery } from '../database/runQueries.ts';
import { levelAggregation, normaliseParams, topLevel } from '../composite/runComposite.ts';
import { surveyBasedIndicators } from '../indicators/surveyBasedIndicators.ts';

/**
 * Runs the uncertainty analysis (queries/uncertainty/): a seeded Monte Carlo over the weights
 * (+-uncertainty.weights), the normalisation and the aggregation method, all runs at once in SQL,
 * leaving the table `uncertainty` (rank, rank_p05, rank_median, rank_p95 of every region and node,
 * in the latest year or in every year: uncertainty.years). With uncertainty.runs = 0 the bands are
 * empty. Needs the composite tables. When indicators rest on survey estimates (and
 * uncertainty.sampling is on), the same runs are taken again with each estimate drawn from its
 * sampling distribution: rank_p05 ... rank_p95 then include sampling error, and the bands
 * without it are kept beside them (rank_p05_without_sampling, ...). Returns the runs and the
 * indicators whose sampling error was drawn.
 */
export async function runUncertainty(db: Database, data: DataDir): Promise<{ runs: number; sampled: string[] }> {
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
  await scoreRuns(db, data);
  await db.exec('ALTER TABLE uncertainty RENAME TO uncertainty_without_sampling');

  const { indicators: sampled, variables } =
    uncertainty.sampling && uncertainty.runs > 0 ? await surveyBasedIndicators(db, data) : { indicators: [], variables: [] };
  if (sampled.length > 0) {
    await runQuery(db, 'uncertainty/60_sampling_draws.sql', { ...seed, over: normalise.over });
    await runQuery(db, 'uncertainty/61_sampled_values.sql');
    await db.append(
      'perturbed_variables',
      variables.map((v) => [v]),
    );
    await runQuery(db, 'indicators/60_perturbed_wide.sql');
    await db.exec(compileIndicators(sampled, { source: 'perturbed_wide', target: 'mc_sampled_run_values', keys: ['key'] }));
    await runQuery(db, 'uncertainty/62_sampled_normalised.sql', normaliseParams(data.method));
    await runQuery(db, 'uncertainty/63_sampled_children.sql', { power });
    await scoreRuns(db, data);
    await db.exec('ALTER TABLE uncertainty RENAME TO uncertainty_with_sampling');
  } else {
    await db.exec('CREATE TABLE uncertainty_with_sampling AS FROM uncertainty_without_sampling LIMIT 0');
  }
  await runQuery(db, 'uncertainty/70_sampling_bands.sql');
  return { runs: uncertainty.runs, sampled: sampled.map((i) => i.code) };
}

/** Scores every run at every level and summarises the ranks into the table uncertainty. */
async function scoreRuns(db: Database, data: DataDir): Promise<void> {
  const { power } = data.method.aggregate;
  await runQuery(db, 'uncertainty/41_mc_scores.sql', { method: levelAggregation(data.method, 2), power });
  for (let level = 3; level <= topLevel(data); level++) {
    await runQuery(db, 'uncertainty/42_mc_scores_level.sql', { level, method: levelAggregation(data.method, level), power });
  }
  // Ranks and their percentiles, in a total order: the same on any number of threads.
  await onEveryCore(db, () => runQuery(db, 'uncertainty/50_uncertainty.sql'));
}

/** A line for the build log saying what the uncertainty stage did. */
export function describeUncertainty(data: DataDir, sampled: readonly string[] = []): string {
  const { uncertainty, normalise } = data.method;
  if (uncertainty.runs === 0) return 'off (uncertainty.runs = 0)';
  const over = [
    `weights +-${uncertainty.weights * 100}%`,
    `normalisation ${(uncertainty.normalise ?? [normalise.method]).join('/')}`,
    uncertainty.aggregate === undefined ? null : `aggregation ${uncertainty.aggregate.join('/')}`,
    sampled.length === 0 ? null : `the survey estimates of ${sampled.join(', ')}`,
  ];
  const years = uncertainty.years === 'all' ? 'every year' : 'the latest year';
  return `${uncertainty.runs.toLocaleString('en-US')} runs (seed ${uncertainty.seed}) on ${years} over ${over.filter((o) => o !== null).join(', ')}`;
}
