-- The bootstrap: a multiplier (wild) bootstrap clustered by enterprise, as the did package of
-- Callaway and Sant'Anna runs it. In replicate b every group of enterprises (50_effect_units.sql:
-- whole enterprises dealt at random, so an enterprise's years move together; with no more
-- enterprises than groups, each enterprise is a group of its own) draws a multiplier V from
-- Mammen's two-point distribution (mean 0, variance 1: -(sqrt 5 - 1)/2 with probability
-- (sqrt 5 + 1)/(2 sqrt 5), else (sqrt 5 + 1)/2), and the estimate moves by sum V phi
-- (55_effect_influence.sql). The standard error is the root mean square of those moves over
-- the $replicates replicates. The draws are 05_uniform_draw.sql's (queries/uncertainty/), seeded.
-- From effect_influence.

CREATE TABLE effect_bootstrap AS
WITH multipliers AS (
  SELECT
    r.range AS replicate,
    g.bucket,
    CASE WHEN uniform_draw($seed, r.range, 'effect group ' || g.bucket) < (sqrt(5) + 1) / (2 * sqrt(5))
      THEN -(sqrt(5) - 1) / 2 ELSE (sqrt(5) + 1) / 2 END AS v
  FROM range(1, $replicates + 1) AS r
  CROSS JOIN (SELECT DISTINCT bucket FROM effect_influence) AS g
),
-- The estimates numbered, so that the replicates' sums are grouped by numbers, not by text.
targets AS (
  SELECT outcome, target, CAST(row_number() OVER (ORDER BY outcome, target) AS INTEGER) AS k
  FROM (SELECT DISTINCT outcome, target FROM effect_influence)
),
influence AS (
  SELECT t.k, i.bucket, i.phi
  FROM effect_influence AS i
  JOIN targets AS t USING (outcome, target)
),
moves AS (
  SELECT m.replicate, i.k, sum(m.v * i.phi) AS move
  FROM multipliers AS m
  JOIN influence AS i USING (bucket)
  GROUP BY m.replicate, i.k
)
SELECT t.outcome, t.target, sqrt(avg(m.move * m.move)) AS se, count(*) AS replicates
FROM moves AS m
JOIN targets AS t USING (k)
GROUP BY t.outcome, t.target;
