-- The maturity profile of the standard's implementation (assessments.csv): the mean score of each
-- clause of GB/T 29490, nationally and by size, in the latest year assessed, with the number of
-- enterprises assessed; a cell of fewer than 3 enterprises is suppressed (its mean not
-- published), as no enterprise's score may be read off a table. Scores on the 1-5 maturity
-- scale are put on 0-100 as (score - 1) / 4 x 100, so that the two scales read alike.
-- From register_assessments, register_enterprises and standard_clauses.

WITH scored AS (
  SELECT
    a.enterprise_id,
    a.year,
    coalesce(a.standard, '2013') AS standard,
    split_part(a.clause, '.', 1) AS clause,
    CASE WHEN a.scale = '1-5' THEN (a.score - 1) / 4 * 100 ELSE a.score END AS score,
    e.size
  FROM register_assessments AS a
  JOIN register_enterprises AS e USING (enterprise_id)
  WHERE a.year = (SELECT max(year) FROM register_assessments)
),
-- An enterprise's score of a clause: the mean of its sub-clauses' scores.
per_enterprise AS (
  SELECT enterprise_id, year, standard, clause, size, avg(score) AS score
  FROM scored
  GROUP BY ALL
),
cells AS (
  SELECT year, standard, clause, 'all' AS by, 'all' AS value, count(*) AS enterprises, avg(score) AS mean
  FROM per_enterprise
  GROUP BY year, standard, clause
  UNION ALL
  SELECT year, standard, clause, 'size', size, count(*), avg(score)
  FROM per_enterprise
  GROUP BY year, standard, clause, size
)
SELECT
  c.year, c.standard, c.clause, s.name_zh, s.name_en, c.by, c.value, c.enterprises,
  CASE WHEN c.enterprises >= 3 THEN c.mean END AS mean,
  c.enterprises < 3 AS suppressed
FROM cells AS c
JOIN standard_clauses AS s USING (standard, clause)
ORDER BY c.standard, CAST(c.clause AS INTEGER), c.by, c.value;
