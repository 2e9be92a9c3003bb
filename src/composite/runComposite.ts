import { InputError, type Problem } from '../lib/InputError.ts';
import type { Method } from '../lib/methodSchema.ts';
import { nationalCode } from '../lib/types.ts';
import type { DataDir } from '../dataDir/DataDir.ts';
import type { Cell, Database, Params } from '../database/openDatabase.ts';
import { runQuery, selectQuery, stageQueries } from '../database/runQueries.ts';
import { groupBy } from '../lib/groupBy.ts';
import { benefitOfTheDoubt } from './benefitOfTheDoubt.ts';

/** What the composite stage did, for the build log. */
export type CompositeSummary = {
  regionYears: number;
  screenedOut: number;
  imputed: number;
  winsorised: number;
  logged: number;
  /** Years whose index has no reference score, so no performance groups (a national total missing). */
  unreferencedYears: number[];
  /** Indicator-years without a national value (reference: national): no scores by reference, left out of the national index. */
  unreferencedIndicatorYears: number;
};

/**
 * Runs the composite engine (queries/composite/, DESIGN.md "Composite engine"), each step as
 * method.yaml says: screen, impute, treat, normalise, weight, aggregate level by level, rank,
 * then effective weights, contributions, score changes and performance groups. Replaces the
 * `indicators` table by the values the index used, with their flags.
 */
export async function runComposite(db: Database, data: DataDir): Promise<CompositeSummary> {
  const method = data.method;
  const problems = compositeProblems(data);
  if (problems.length > 0) throw new InputError(problems);
  const { screen, treat, normalise, groups } = method;
  const screening = { threshold: screen.regions, screen_on: screen.on };

  const thresholds = { skew: treat.skew, kurtosis: treat.kurtosis };
  const aggregation = (level: number) => ({ level, method: levelAggregation(method, level), power: method.aggregate.power });

  // Every file of queries/composite/ runs once, in the order of its number, as checks/ are run.
  // What a file needs besides its turn is said here: the parameters method.yaml gives it, or
  // how a step that repeats is run (winsorising point by point, aggregating level by level).
  const levelFiles = [
    '62_weights_level.sql',
    '63_aggregated_level.sql',
    '63_copeland_level.sql',
    '63_bod_frontier.sql',
    '63_bod_level.sql',
    '64_national_aggregated_level.sql',
    '64_national_bod_level.sql',
  ];
  const steps: Record<string, Params | ((file: string) => Promise<void>)> = {
    '05_national_indicators.sql': async (file) => {
      await runQuery(db, file);
      await db.append(
        'normalise_methods',
        normaliseMethods(method).map((m) => [m, m === normalise.method]),
      );
    },
    '30_imputed.sql': { method: method.impute.method, ...screening },
    '31_screening.sql': screening,
    '32_indicator_screening.sql': { threshold: screen.indicators },
    '41_treat_points.sql': { method: treat.method },
    // One point more of each indicator winsorised per run, until none changes or winmax.
    '42_treat_points_step.sql': async (file) => {
      let changed = 0;
      for (let step = 0; step < treat.winmax; step++) {
        await runQuery(db, file, { ...thresholds, winmax: treat.winmax });
        const now = await count(db, 'SELECT count(winsorised) AS n FROM treat_points');
        if (now === changed) break;
        changed = now;
      }
    },
    '43_treatment_log.sql': { ...thresholds, log: treat.log },
    '50_normalised_methods.sql': normaliseParams(method),
    '52_national_aggregated.sql': normaliseParams(method),
    // Level by level from the dimensions up: weights, the level's aggregate, the nation's.
    '62_weights_level.sql': async () => {
      for (let level = 2; level <= topLevel(data); level++) {
        await runQuery(db, 'composite/62_weights_level.sql', { level, method: method.weights.method });
        const how = levelAggregation(method, level);
        // Copeland's rule compares regions with each other rather than averaging each one's children.
        if (how === 'copeland') await runQuery(db, 'composite/63_copeland_level.sql', { level });
        // Benefit of the doubt solves each region's weights first, then scores with them.
        if (how === 'bod') {
          await db.append('bod_weights', await solveBenefitOfTheDoubt(db, level));
          await runQuery(db, 'composite/63_bod_level.sql', { level });
          await runQuery(db, 'composite/64_national_bod_level.sql', { level });
          continue;
        }
        if (how !== 'copeland') await runQuery(db, 'composite/63_aggregated_level.sql', aggregation(level));
        await runQuery(db, 'composite/64_national_aggregated_level.sql', aggregation(level));
      }
    },
    '82_performance_groups.sql': { reference: method.reference, ...groups },
  };
  const files = await stageQueries('composite');
  // A step named here for a file that is not there (renamed, say) would silently not run.
  for (const name of [...Object.keys(steps), ...levelFiles]) {
    if (!files.includes(`composite/${name}`)) throw new Error(`queries/composite/${name} is missing: runComposite.ts names it`);
  }
  for (const file of files) {
    const name = file.slice('composite/'.length);
    if (levelFiles.includes(name) && name !== levelFiles[0]) continue;
    const step = steps[name];
    if (typeof step === 'function') await step(file);
    else await runQuery(db, file, step);
  }

  const [summary] = await db.query<Record<keyof CompositeSummary, bigint | number>>(`
    SELECT
      (SELECT count(*) FROM screening) AS regionYears,
      (SELECT count(*) FROM screening WHERE NOT kept) AS screenedOut,
      (SELECT count(*) FROM indicators WHERE imputed) AS imputed,
      (SELECT count(*) FROM indicators WHERE treatment LIKE 'winsorised%') AS winsorised,
      (SELECT count(*) FROM treatment_log WHERE log_transformed) AS logged,
      (SELECT count(*) FROM (SELECT DISTINCT t.indicator, t.year FROM treated AS t
        LEFT JOIN national_treated AS n USING (indicator, year) WHERE n.value IS NULL)) AS unreferencedIndicatorYears`);
  const n = (key: Exclude<keyof CompositeSummary, 'unreferencedYears'>) => Number(summary?.[key] ?? 0);
  return {
    regionYears: n('regionYears'),
    screenedOut: n('screenedOut'),
    imputed: n('imputed'),
    winsorised: n('winsorised'),
    logged: n('logged'),
    unreferencedYears: await unreferencedYears(db),
    unreferencedIndicatorYears: method.reference === 'national' ? n('unreferencedIndicatorYears') : 0,
  };
}

/** The normalisation methods to score by: the one of method.yaml, then the uncertainty alternatives. */
export function normaliseMethods(method: Method): Method['normalise']['method'][] {
  return [...new Set([method.normalise.method, ...(method.uncertainty.normalise ?? [])])];
}

/** The parameters of the SQL that normalises (composite/50, 52; uncertainty/62), from method.yaml's normalise and reference. */
export function normaliseParams(method: Method): Params {
  const { normalise } = method;
  return {
    lower: normalise.lower,
    upper: normalise.upper,
    zmean: normalise.mean,
    zsd: normalise.sd,
    over: normalise.over,
    reference: method.reference,
  };
}

/** The aggregation method of a level: aggregate.levels when it names the level, else aggregate.method. */
export function levelAggregation(method: Method, level: number): Method['aggregate']['method'] {
  return method.aggregate.levels[String(level)] ?? method.aggregate.method;
}

/** The level of the index, the root of the framework. */
export function topLevel(data: Pick<DataDir, 'nodes'>): number {
  return Math.max(...data.nodes.map((n) => n.level));
}

/** Problems of method.yaml that only show against the other files: an unknown reference, a missing target. */
function compositeProblems(data: DataDir): Problem[] {
  const problems: Problem[] = [];
  const fileOf = (role: string, fallback: string) => data.inputs.find((i) => i.role === role)?.file ?? fallback;
  const { reference } = data.method;
  if (
    reference !== 'mean' &&
    reference !== 'median' &&
    reference !== 'national' &&
    !data.regions.some((r) => r.region_code === reference)
  ) {
    problems.push({
      file: fileOf('method', 'method.yaml'),
      column: 'reference',
      found: JSON.stringify(reference),
      expected: 'national, mean, median or a region_code of regions.csv',
    });
  }
  const national = (data.streamed?.national ?? 0) > 0 || data.observations.some((o) => o.region_code === nationalCode);
  if (reference === 'national' && !national) {
    problems.push({
      file: fileOf('method', 'method.yaml'),
      column: 'reference',
      found: '"national", with no national row (全国) in any observation file',
      expected: `national totals in the observation files (rows named 全国 or ${nationalCode}), or mean, median or a region_code`,
    });
  }
  const levels = new Set(data.nodes.filter((n) => n.level > 1).map((n) => String(n.level)));
  for (const level of Object.keys(data.method.aggregate.levels).filter((l) => !levels.has(l))) {
    problems.push({
      file: fileOf('method', 'method.yaml'),
      column: `aggregate.levels.${level}`,
      found: `level ${level}, which framework.csv does not have`,
      expected: `one of the levels of its aggregates: ${[...levels].sort().join(', ')}`,
    });
  }
  if (normaliseMethods(data.method).includes('target')) {
    for (const indicator of data.indicators.filter((i) => i.target === null)) {
      problems.push({
        file: fileOf('framework', 'framework.csv'),
        column: 'target',
        found: `no target for "${indicator.code}"`,
        expected: 'a target for every indicator, since method.yaml normalises by distance to target',
      });
    }
  }
  return problems;
}

type FrontierRow = { region_code: string | null; year: number; node: string; child: string; score: number };

/**
 * The benefit-of-the-doubt weights of level `level`, rows of bod_weights: for each node and year,
 * the linear programme of src/composite/benefitOfTheDoubt.ts for every region with a score on each
 * of the node's children that year, and for the nation, against the frontier of those regions
 * (queries/composite/63_bod_frontier.sql says who is in it).
 */
async function solveBenefitOfTheDoubt(db: Database, level: number): Promise<Cell[][]> {
  const rows = await selectQuery<FrontierRow>(db, 'composite/63_bod_frontier.sql', { level });
  const groups = groupBy(rows, (r) => `${r.year}\u0000${r.node}`);
  const weights: Cell[][] = [];
  for (const group of groups.values()) {
    const { year, node } = group[0]!;
    // The node's children that year are those the regions have: a child only the nation has
    // (an indicator no region reports) would leave every region incomplete.
    const children = [...new Set(group.filter((r) => r.region_code !== null).map((r) => r.child))].sort();
    const units = groupBy(group, (r) => r.region_code);
    const scoresOf = (unitRows: FrontierRow[]) => {
      const byChild = new Map(unitRows.map((r) => [r.child, r.score]));
      return children.every((c) => byChild.has(c)) ? children.map((c) => byChild.get(c)!) : null;
    };
    const complete = [...units].flatMap(([code, unitRows]) => {
      const scores = scoresOf(unitRows);
      return scores === null ? [] : [{ code, scores }];
    });
    const frontier = complete.filter((u) => u.code !== null).map((u) => u.scores);
    for (const { code, scores } of complete) {
      const u = benefitOfTheDoubt(frontier, scores);
      // In points: a score in percent of the frontier is the sum of these times the children's scores.
      if (u !== null) children.forEach((child, j) => weights.push([code, Number(year), node, level, child, 100 * u[j]!]));
    }
  }
  return weights;
}

/** The years in which the index has no reference score (queries/composite/84_unreferenced_years.sql). */
async function unreferencedYears(db: Database): Promise<number[]> {
  const rows = await db.query<{ year: number }>('SELECT year FROM unreferenced_years ORDER BY year');
  return rows.map((r) => Number(r.year));
}

async function count(db: Database, sql: string): Promise<number> {
  const [row] = await db.query<{ n: bigint | number }>(sql);
  return Number(row?.n ?? 0);
}

/** A line for the build log saying what the composite stage did. */
export function describeComposite(data: DataDir, summary: CompositeSummary): string {
  const { screen, impute, treat, normalise, weights, aggregate } = data.method;
  const levels = topLevel(data) - 1;
  const steps = [
    screen.regions > 0
      ? `screened ${summary.screenedOut} of ${summary.regionYears} region-years (< ${screen.regions}, ${screen.on})`
      : null,
    impute.method === 'none' ? null : `${summary.imputed} values imputed (${impute.method})`,
    treat.method === 'none' ? null : `${summary.winsorised} winsorised, ${summary.logged} series logged`,
    normalise.method === 'zscore'
      ? `zscore (mean ${normalise.mean}, sd ${normalise.sd}) per ${normalise.over}`
      : `${normalise.method} [${normalise.lower}, ${normalise.upper}] per ${normalise.over}`,
    `${weights.method} weights`,
    `${levels} levels of ${aggregate.method === 'mpi' || aggregate.method === 'bod' ? aggregate.method : `${aggregate.method} means`}${Object.keys(aggregate.levels).length > 0 ? ' (some levels differ)' : ''}`,
    summary.unreferencedIndicatorYears > 0 ? `${summary.unreferencedIndicatorYears} indicator-years without a national value` : null,
    summary.unreferencedYears.length > 0
      ? `no ${data.method.reference} reference for the index in ${summary.unreferencedYears.join(', ')} (no performance groups then)`
      : null,
  ];
  return steps.filter((s) => s !== null).join(', ');
}
