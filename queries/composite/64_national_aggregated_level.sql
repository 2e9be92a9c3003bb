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
  CASE
    WHEN fsum(w.weight) = 0 THEN NULL
    WHEN $method = 'arithmetic' THEN fsum(w.weight * s.score) / fsum(w.weight)
    WHEN min(s.score) < 0 THEN NULL
    WHEN $method = 'geometric' THEN
      CASE WHEN min(s.score) = 0 THEN 0 ELSE exp(fsum(w.weight * ln(greatest(s.score, 1e-300))) / fsum(w.weight)) END
    WHEN $method = 'harmonic' THEN
      CASE WHEN min(s.score) = 0 THEN 0 ELSE fsum(w.weight) / fsum(w.weight / s.score) END
    WHEN $method = 'generalised' THEN
      CASE WHEN min(s.score) = 0 AND $power < 0 THEN 0 ELSE pow(fsum(w.weight * pow(s.score, $power)) / fsum(w.weight), 1 / $power) END
  END AS score
FROM national_aggregated AS s
JOIN weights AS w ON w.code = s.node
WHERE s.level = $level - 1
  AND s.score IS NOT NULL
GROUP BY s.year, w.parent;
