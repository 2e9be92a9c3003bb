import type { Database } from '../database/openDatabase.ts';
import { insertInParts } from './insertInParts.ts';
import { answered, byDomain, sharedCondition, type SurveyRequest } from './surveyRequests.ts';

/**
 * Where the second pass puts each respondent's influence: summed by stratum into
 * survey_moments when respondents are sampled directly (each is its own PSU), summed by
 * innermost cluster into survey_cluster_z when the design has clusters (48_cluster_moments.sql
 * rolls them up stage by stage), or kept per respondent in survey_influence when the weights
 * are calibrated (the calibration residuals need every respondent: 41_ to 44_); or only the
 * squares, summed by cell into survey_influence, when replicate weights give the variance.
 */
export type InfluenceTarget = 'strata' | 'clusters' | 'respondents' | 'squares';

/**
 * The second pass over the respondents, once the estimates are known (survey_point): each
 * respondent's influence on each estimate of its domain cell, Taylor's first-order term as R's
 * svytotal, svymean and svyratio form it: z = w y for a total, w (y - mean) / N^ for a mean,
 * w (y - R x) / X^ for a ratio, 0 for one who did not answer or is outside the cell (who keeps
 * its place in the design: a domain is never a subset of the sample). Also the weighted sum of
 * squared deviations from the cell's mean, sum w (y - mean)^2, that the design effect compares
 * with (squares, survey_srs). One grouped scan per domain column; the SQL is put together here because
 * its columns are the design's (src/survey/responseTable.ts).
 */
export async function influenceSums(
  db: Database,
  requests: readonly SurveyRequest[],
  target: InfluenceTarget,
  respondents: number,
): Promise<void> {
  for (const [by, group] of byDomain(requests)) {
    const point = `SELECT domain_value, ${group.map((r) => `max(estimate) FILTER (request = ${r.request}) AS e${r.request}, max(weight_total) FILTER (request = ${r.request}) AS n${r.request}, max(x_total) FILTER (request = ${r.request}) AS x${r.request}, max(y_mean) FILTER (request = ${r.request}) AS m${r.request}`).join(', ')}
      FROM survey_point WHERE replicate = 0 AND request IN (${group.map((r) => r.request).join(', ')}) GROUP BY domain_value`;
    // Respondents who did not answer add nothing: chosen once when all requests agree on them.
    const shared = sharedCondition(group);
    const when = (r: SurveyRequest, value: string) => (shared === null ? `CASE WHEN ${answered(r)} THEN ${value} END` : value);
    const influence = (r: SurveyRequest) => {
      const i = r.request;
      const term =
        r.statistic === 'total' ? r.y : r.statistic === 'mean' ? `(${r.y} - p.e${i}) / p.n${i}` : `(${r.y} - p.e${i} * ${r.x}) / p.x${i}`;
      return `${when(r, `u.weight * ${term}`)} AS z${i}`;
    };
    const deviation = (r: SurveyRequest) =>
      `${when(r, `u.weight * (${r.y} - p.m${r.request}) * (${r.y} - p.m${r.request})`)} AS s${r.request}`;
    const scan = (range: (rowid: string) => string) => `WITH p AS (${point}),
      z AS (
        SELECT u.rowid AS unit, u.stratum, u.cluster, p.domain_value, ${group.map(influence).join(', ')}, ${group.map(deviation).join(', ')}
        FROM survey_units AS u
        JOIN p ON ${by === null ? 'true' : `p.domain_value = u.${by}`}
        WHERE ${range('u.rowid')}${shared === null ? '' : ` AND ${shared}`}
      )`;
    const unnestInto = (table: string, keys: string, fields: (i: number) => string, groupBy: string) =>
      insertInParts(
        db,
        table,
        respondents,
        (range) => `
      ${scan(range)}
      SELECT ${keys}, unnest([${group.map((r) => `{request: ${r.request}, ${fields(r.request)}}`).join(', ')}], recursive := true)
      FROM z ${groupBy}`,
      );
    if (target === 'strata')
      await unnestInto(
        'survey_moments',
        'domain_value, 1 AS stage, stratum AS parent',
        (i) => `sum_z: sum(z${i}), sum_z2: sum(z${i} * z${i}), squares: sum(s${i})`,
        'GROUP BY domain_value, stratum',
      );
    if (target === 'clusters')
      await unnestInto(
        'survey_cluster_z',
        'domain_value, cluster',
        (i) => `z: sum(z${i}), squares: sum(s${i})`,
        'GROUP BY domain_value, cluster',
      );
    if (target === 'respondents') await unnestInto('survey_influence', 'domain_value, unit', (i) => `z: z${i}, squares: s${i}`, '');
    if (target === 'squares')
      await unnestInto(
        'survey_influence',
        'domain_value, NULL AS unit',
        (i) => `z: NULL::DOUBLE, squares: sum(s${i})`,
        'GROUP BY domain_value',
      );
  }
}
