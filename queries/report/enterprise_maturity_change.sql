-- How the clause scores of enterprises changed with certification (assessments.csv): for each
-- enterprise assessed both before the year it was first certified and in or after it, its score
-- of each clause in the last year assessed before (a gap analysis, typically) and in the last
-- year assessed since (the audits); by clause, the number of such enterprises and the mean
-- before, after and of the change. Descriptive: enterprises that certify may differ from those
-- that do not (the event study of the outcomes compares them with the not yet certified). Cells
-- of fewer than 3 enterprises are suppressed. Scores as queries/enterprises/20_clause_scores.sql
-- gives them (1-5 put on 0-100, sub-clauses averaged).
-- From clause_scores, certificate_life and standard_clauses.

WITH first_certified AS (
  SELECT enterprise_id, year(min(valid_from)) AS cohort
  FROM certificate_life
  GROUP BY enterprise_id
),
sides AS (
  SELECT
    s.enterprise_id, s.standard, s.clause,
    arg_max(s.score, s.year) FILTER (WHERE s.year < f.cohort) AS before,
    arg_max(s.score, s.year) FILTER (WHERE s.year >= f.cohort) AS after
  FROM clause_scores AS s
  JOIN first_certified AS f USING (enterprise_id)
  GROUP BY ALL
),
clauses AS (
  SELECT standard, clause, count(*) AS enterprises, avg(before) AS before, avg(after) AS after, avg(after - before) AS change
  FROM sides
  WHERE before IS NOT NULL AND after IS NOT NULL
  GROUP BY ALL
)
SELECT
  c.standard, c.clause, s.name_zh, s.name_en, c.enterprises,
  CASE WHEN c.enterprises >= 3 THEN c.before END AS before,
  CASE WHEN c.enterprises >= 3 THEN c.after END AS after,
  CASE WHEN c.enterprises >= 3 THEN c.change END AS change,
  c.enterprises < 3 AS suppressed
FROM clauses AS c
JOIN standard_clauses AS s USING (standard, clause)
ORDER BY c.standard, CAST(c.clause AS INTEGER);
