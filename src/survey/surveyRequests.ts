import type { Design } from './designSchema.ts';
import type { ResponseTable } from './responseTable.ts';

/**
 * One estimate of design.yaml in one column (a list in `of` is several): what the scans of
 * survey_units compute (`y`, `x` and `by` are survey_units' columns: src/survey/responseTable.ts)
 * and what survey_requests records (queries/survey/00_tables.sql).
 */
export type SurveyRequest = {
  request: number;
  variable: string;
  statistic: 'total' | 'mean' | 'ratio';
  of: string;
  denominator: string | null;
  /** The domain column as responses.csv names it, or 'all'. */
  domain: string;
  y: string;
  x: string | null;
  by: string | null;
  /** The columns a respondent must have answered to count (R's na.rm = TRUE): all of `of`, and the denominator. */
  complete: string[];
};

export function surveyRequests(design: Design, table: ResponseTable): SurveyRequest[] {
  const column = (map: Map<string, string>, source: string) => map.get(source) ?? source;
  let request = 0;
  return design.estimates.flatMap((e) => {
    const names = typeof e.variable === 'string' ? [e.variable] : e.variable;
    const complete = [...e.of, ...(e.denominator === undefined ? [] : [e.denominator])].map((c) => column(table.analysis, c));
    return e.of.map((of, j): SurveyRequest => ({
      request: request++,
      variable: names[j] ?? of,
      statistic: e.statistic,
      of,
      denominator: e.denominator ?? null,
      domain: e.by ?? 'all',
      y: column(table.analysis, of),
      x: e.denominator === undefined ? null : column(table.analysis, e.denominator),
      by: e.by === undefined ? null : column(table.domains, e.by),
      complete: [...new Set(complete)],
    }));
  });
}

/** The condition under which a respondent counts for a request: every column of its set answered. */
export const answered = (r: SurveyRequest): string => r.complete.map((c) => `${c} IS NOT NULL`).join(' AND ');

/** Requests grouped by their domain column (null: the whole population), in order of first appearance. */
export function byDomain(requests: readonly SurveyRequest[]): [string | null, SurveyRequest[]][] {
  const groups = new Map<string | null, SurveyRequest[]>();
  for (const r of requests) groups.set(r.by, [...(groups.get(r.by) ?? []), r]);
  return [...groups];
}

/** The condition all the requests share (as `answered` gives it), or null when they differ. */
export function sharedCondition(requests: readonly SurveyRequest[]): string | null {
  const conditions = new Set(requests.map(answered));
  return conditions.size === 1 ? [...conditions][0]! : null;
}
