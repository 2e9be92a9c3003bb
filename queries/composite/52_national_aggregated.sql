-- National scores, level 1: each national indicator (national_treated) normalised by the method
-- method.yaml names (normalise.method), with the scale of the regions, so that the nation is
-- scored as one more region would be without changing any region's score: min-max between the
-- regions' min and max of the scope (a year, or all years for normalise.over = all), z-score by
-- their mean and sd, rank and percentile by how many regions score lower, reference against the
-- same reference as the regions. The formulas are those of 50_normalised_methods.sql; the
-- national value may fall outside the regions' range, so a bounded score may leave [l, u].
-- 64_national_aggregated_level.sql then aggregates these level by level, and the national index
-- is the reference of the performance groups for reference: national (82_performance_groups.sql).
-- From treated, framework, national_treated and normalise_methods.

CREATE TABLE national_aggregated AS
WITH directed AS (
  SELECT
    t.year,
    t.indicator,
    t.value,
    t.value * f.direction AS x,
    CASE WHEN $over = 'year' THEN t.year END AS scope
  FROM treated AS t
  JOIN framework AS f ON f.code = t.indicator
),
scale AS (
  SELECT
    indicator,
    scope,
    min(x) AS lo,
    max(x) AS hi,
    favg(x) AS mean,
    stddev_samp(x) AS sd,
    count(x) AS n
  FROM directed
  GROUP BY indicator, scope
),
nation AS (
  SELECT
    n.year,
    n.indicator,
    f.direction,
    n.value,
    n.value * f.direction AS x,
    f.target * f.direction AS goal,
    CASE WHEN $over = 'year' THEN n.year END AS scope
  FROM national_treated AS n
  JOIN framework AS f ON f.code = n.indicator
),
scaled AS (
  SELECT
    n.*,
    s.lo,
    s.hi,
    s.mean,
    s.sd,
    s.n,
    1 + (SELECT count(*) FROM directed AS d WHERE d.indicator = n.indicator AND d.scope IS NOT DISTINCT FROM n.scope AND d.x < n.x) AS r,
    CASE $reference
      WHEN 'mean' THEN (SELECT favg(d.value) FROM directed AS d WHERE d.indicator = n.indicator AND d.scope IS NOT DISTINCT FROM n.scope)
      WHEN 'median' THEN (SELECT median(d.value) FROM directed AS d WHERE d.indicator = n.indicator AND d.scope IS NOT DISTINCT FROM n.scope)
      WHEN 'national' THEN n.value
      ELSE (SELECT favg(t.value) FROM treated AS t WHERE t.indicator = n.indicator AND t.region_code = $reference AND ($over = 'all' OR t.year = n.year))
    END AS ref
  FROM nation AS n
  JOIN scale AS s ON s.indicator = n.indicator AND s.scope IS NOT DISTINCT FROM n.scope
)
SELECT
  s.year,
  s.indicator AS node,
  1 AS level,
  normalised_score(m.method, s.x, s.value, s.lo, s.hi, s.mean, s.sd, s.n, s.r, s.goal, s.ref, s.direction, $lower, $upper, $zmean, $zsd) AS score
FROM scaled AS s
JOIN normalise_methods AS m ON m.is_main
ORDER BY s.year, s.indicator;
