-- Aggregated scores of level $level: step 7 of the composite engine. For each node of that level,
-- the weighted mean ($method, method.yaml aggregate.method or aggregate.levels; the formulas are in
-- 01_weighted_mean.sql) of its children's scores, with weights w (weights). A missing child
-- drops out and the weights of the others are renormalised.
-- Run once per level, from level 2 upwards, each run adding to the scores of the level below.
-- From aggregated and weights.

INSERT INTO aggregated
SELECT
  s.region_code,
  s.year,
  w.parent AS node,
  $level AS level,
  weighted_mean($method, w.weight, s.score, $power) AS score
FROM aggregated AS s
JOIN weights AS w ON w.code = s.node
WHERE s.level = $level - 1
  AND s.score IS NOT NULL
GROUP BY s.region_code, s.year, w.parent;
