-- Treat points, one winsorisation step (run up to treat.winmax times; a step that finds nothing
-- to do changes nothing). For each series that still fails the skew/kurtosis rule
-- (|skew| >= treat.skew AND kurtosis >= treat.kurtosis) and has had fewer than winmax points
-- changed: if skew >= 0 every point at the maximum (ties together) takes the next highest value,
-- otherwise every point at the minimum takes the next lowest. The side is chosen afresh at each
-- step, and tied points all count towards winmax, exactly as COINr's winsorise().
-- Reference: COINr 1.1.14, R/treat.R (winsorise, check_SkewKurt).
-- From treat_points (replaced by the next step's values).

CREATE OR REPLACE TABLE treat_points AS
WITH centred AS (
  SELECT *, x - favg(x) OVER (PARTITION BY indicator, year) AS d
  FROM treat_points
),
series AS (
  SELECT
    indicator,
    year,
    count(*) AS n,
    fsum(d * d) AS m2,
    fsum(d * d * d) AS m3,
    fsum((d * d) * (d * d)) AS m4,
    max(x) AS hi,
    min(x) AS lo,
    count(winsorised) AS changed
  FROM centred
  GROUP BY indicator, year
),
decided AS (
  SELECT
    *,
    skew_type2(n, m2, m3) AS skew,
    -- Fails only when both are out of bounds; undefined statistics pass, as COINr leaves them.
    coalesce(abs(skew_type2(n, m2, m3)) >= $skew AND kurtosis_type2(n, m2, m4) >= $kurtosis, false)
      AND changed < $winmax AS active
  FROM series
),
neighbours AS (
  SELECT
    p.indicator,
    p.year,
    max(p.x) FILTER (WHERE p.x < d.hi) AS below_hi,
    min(p.x) FILTER (WHERE p.x > d.lo) AS above_lo
  FROM treat_points AS p
  JOIN decided AS d USING (indicator, year)
  WHERE d.active
  GROUP BY p.indicator, p.year
)
SELECT
  p.region_code,
  p.year,
  p.indicator,
  p.original,
  CASE
    WHEN d.active AND d.skew >= 0 AND p.x = d.hi THEN n.below_hi
    WHEN d.active AND d.skew < 0 AND p.x = d.lo THEN n.above_lo
    ELSE p.x
  END AS x,
  CASE
    WHEN d.active AND d.skew >= 0 AND p.x = d.hi THEN 'high'
    WHEN d.active AND d.skew < 0 AND p.x = d.lo THEN 'low'
    ELSE p.winsorised
  END AS winsorised
FROM treat_points AS p
JOIN decided AS d USING (indicator, year)
LEFT JOIN neighbours AS n USING (indicator, year);
