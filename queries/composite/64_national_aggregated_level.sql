-- National scores of level $level: the national scores of the level below aggregated into each
-- node of that level by the regions' mean ($method) and weights, exactly as
-- 63_aggregated_level.sql aggregates each region's (a missing child drops out and the other
-- weights are renormalised). Run once per level, after the regions' weights of the level.
-- From national_aggregated and weights.

INSERT INTO national_aggregated
SELECT
  s.year,
  w.parent AS node,
  $level AS level,
  weighted_mean($method, w.weight, s.score, $power) AS score
FROM national_aggregated AS s
JOIN weights AS w ON w.code = s.node
WHERE s.level = $level - 1
  AND s.score IS NOT NULL
GROUP BY s.year, w.parent;
