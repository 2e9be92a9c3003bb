-- Aggregated scores of level $level: step 7 of the composite engine. For each node of that level,
-- the weighted mean ($method, method.yaml aggregate.method or aggregate.levels) of its children's
-- scores, with weights w (weights):
--   arithmetic   sum(w x) / sum(w)                        (COINr a_amean)
--   geometric    exp(sum(w ln x) / sum(w))                (a_gmean)
--   harmonic     sum(w) / sum(w / x)                      (a_hmean)
--   generalised  (sum(w x^p) / sum(w))^(1/p), p = $power  (a_genmean)
-- A missing child drops out and the weights of the others are renormalised. The last three are
-- defined for scores of 0 or more (method.yaml refuses normalisations that can give negative
-- ones): a child scoring 0 makes a geometric or harmonic mean 0, its limit, where COINr stops.
-- Run once per level, from level 2 upwards, each run adding to the scores of the level below.
-- From aggregated and weights.

INSERT INTO aggregated
SELECT
  s.region_code,
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
FROM aggregated AS s
JOIN weights AS w ON w.code = s.node
WHERE s.level = $level - 1
  AND s.score IS NOT NULL
GROUP BY s.region_code, s.year, w.parent;
