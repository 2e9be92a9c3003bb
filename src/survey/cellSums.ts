import type { Database } from '../database/openDatabase.ts';
import { insertInParts } from './insertInParts.ts';
import { answered, byDomain, sharedCondition, type SurveyRequest } from './surveyRequests.ts';

/**
 * The first pass over the respondents: for every request in every domain cell, under the
 * full-sample weights (replicate 0) and each set of replicate weights, the Horvitz-Thompson
 * sums n, sum w, sum w y, sum w x over the respondents who answered (R's na.rm = TRUE), and for
 * totals the `dominance` largest contributions |w y| with the sum of all of them (the dominance
 * rule of disclosure control). One grouped scan of survey_units per domain column, all
 * requests and replicates of that column side by side, written long into survey_cell_sums
 * (queries/survey/00_tables.sql), from which 30_point_estimates.sql forms the estimates.
 * `byStratum` splits each cell by stratum, when each respondent is its own PSU and the weights
 * are not calibrated: a total's influence is then w y itself, so the same pass also gives the
 * stratum sums of its influence and of its squares (35_total_moments.sql), and a design of
 * totals needs no second pass. Both cores share the pass (insertInParts.ts).
 *
 * The SQL is put together here because its columns are the design's (src/survey/
 * responseTable.ts); what it computes is the same for every design.
 */
export async function cellSums(
  db: Database,
  requests: readonly SurveyRequest[],
  replicates: readonly string[],
  dominance: number | null,
  byStratum: boolean,
  respondents: number,
): Promise<void> {
  for (const [by, group] of byDomain(requests)) {
    // A total's influence is w y itself: split by stratum, its moments come in this pass.
    const moments = (r: SurveyRequest) => byStratum && r.statistic === 'total';
    // Each aggregate once, however many requests share it (respondents who answered the same
    // columns share n and sum w): named a0, a1, ... and put together per request outside.
    const aggregates = new Map<string, string>();
    const aggregate = (sql: string) => {
      if (!aggregates.has(sql)) aggregates.set(sql, `a${aggregates.size}`);
      return aggregates.get(sql)!;
    };
    const none = (type: string) => `NULL::${type}`;
    // When every request of the column counts the same respondents, they are chosen once (WHERE)
    // rather than aggregate by aggregate (FILTER), which costs more.
    const shared = sharedCondition(group);
    const cells = group.flatMap((r) => {
      const ok = shared === null ? `FILTER (${answered(r)})` : '';
      const sum = (weight: string, value: string | null) =>
        value === null ? none('DOUBLE') : aggregate(`sum(${weight} * ${value}) ${ok}`);
      const top = r.statistic === 'total' && dominance !== null;
      const n = aggregate(`count(*) ${ok}`);
      const full =
        `{request: ${r.request}, replicate: 0, n: ${n}, sw: ${aggregate(`sum(weight) ${ok}`)}, swy: ${sum('weight', r.y)}, swx: ${sum('weight', r.x)}, ` +
        `contributions: ${top ? aggregate(`sum(abs(weight * ${r.y})) ${ok}`) : none('DOUBLE')}, largest: ${top ? aggregate(`max(abs(weight * ${r.y}), ${dominance}) ${ok}`) : none('DOUBLE[]')}, ` +
        `swyy: ${moments(r) ? aggregate(`sum(weight * ${r.y} * weight * ${r.y}) ${ok}`) : none('DOUBLE')}, wyy: ${moments(r) ? aggregate(`sum(weight * ${r.y} * ${r.y}) ${ok}`) : none('DOUBLE')}}`;
      const replicated = replicates.map(
        (w, i) =>
          `{request: ${r.request}, replicate: ${i + 1}, n: ${n}, sw: ${aggregate(`sum(${w}) ${ok}`)}, swy: ${sum(w, r.y)}, swx: ${sum(w, r.x)}, ` +
          `contributions: ${none('DOUBLE')}, largest: ${none('DOUBLE[]')}, swyy: ${none('DOUBLE')}, wyy: ${none('DOUBLE')}}`,
      );
      return [full, ...replicated];
    });
    const keys = byStratum ? 'domain_value, stratum' : 'domain_value, NULL AS stratum';
    await insertInParts(
      db,
      'survey_cell_sums',
      respondents,
      (range) => `
      SELECT ${keys}, unnest([${cells.join(',\n')}], recursive := true)
      FROM (
        SELECT ${by ?? "'all'"} AS domain_value, ${byStratum ? 'stratum, ' : ''}${[...aggregates].map(([sql, name]) => `${sql} AS ${name}`).join(', ')}
        FROM survey_units
        WHERE ${[range('rowid'), by === null ? 'true' : `${by} IS NOT NULL`, shared ?? 'true'].join(' AND ')}
        GROUP BY ALL
      )`,
    );
  }
}
