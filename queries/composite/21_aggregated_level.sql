-- Aggregated scores of level $level: for each node of that level, the weighted arithmetic mean
-- of its children's scores, using framework weights. A missing child drops out and the weights
-- of the others are renormalised (COINr's a_amean). Run once per level, from level 2 upwards,
-- each run adding to the scores of the level below.
-- From aggregated (seeded with the normalised indicators) and framework.

INSERT INTO aggregated
SELECT
  s.region_code,
  s.year,
  f.parent AS node,
  $level AS level,
  sum(s.score * f.weight) / nullif(sum(f.weight), 0) AS score
FROM aggregated AS s
JOIN framework AS f ON f.code = s.node
WHERE s.level = $level - 1
  AND s.score IS NOT NULL
GROUP BY s.region_code, s.year, f.parent;
