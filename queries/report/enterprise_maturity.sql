-- The maturity profile of the standard's implementation (assessments.csv): the mean score of each
-- clause of GB/T 29490 in the latest year assessed, nationally ('all'), by size, by industry
-- (GB/T 4754 division) and by region (every region an enterprise lies in, rolled up through
-- parent_code), with the number of enterprises assessed, and in each group the weakest clause
-- (the lowest published mean, ties all marked). A cell of fewer than 3 enterprises is
-- suppressed (its mean not published, nor can it be the weakest), as no enterprise's score may
-- be read off a table. Scores as queries/enterprises/20_clause_scores.sql gives them (1-5 put on
-- 0-100, sub-clauses averaged).
-- From clause_scores, register_assessments, register_enterprises, region_closure and
-- standard_clauses.

WITH per_enterprise AS (
  SELECT *
  FROM clause_scores
  WHERE year = (SELECT max(year) FROM register_assessments)
),
grouped AS (
  SELECT p.*, g.kind, g.value
  FROM per_enterprise AS p
  JOIN register_enterprises AS e USING (enterprise_id)
  CROSS JOIN LATERAL (
    VALUES ('all', 'all'), ('size', e.size), ('industry', coalesce(e.industry, ''))
  ) AS g(kind, value)
  UNION ALL
  SELECT p.*, 'region', c.within
  FROM per_enterprise AS p
  JOIN register_enterprises AS e USING (enterprise_id)
  JOIN region_closure AS c USING (region_code)
  WHERE c.within <> '100000'
),
cells AS (
  SELECT year, standard, clause, kind, value, count(*) AS enterprises, avg(score) AS mean
  FROM grouped
  GROUP BY ALL
),
published AS (
  SELECT *, CASE WHEN enterprises >= 3 THEN mean END AS shown
  FROM cells
)
SELECT
  c.year, c.standard, c.clause, s.name_zh, s.name_en, c.kind AS by, c.value, c.enterprises,
  c.shown AS mean,
  c.enterprises < 3 AS suppressed,
  coalesce(c.shown = min(c.shown) OVER (PARTITION BY c.standard, c.kind, c.value), false) AS weakest
FROM published AS c
JOIN standard_clauses AS s USING (standard, clause)
ORDER BY c.standard, c.kind, c.value, CAST(c.clause AS INTEGER);
