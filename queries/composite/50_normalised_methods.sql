-- Normalised scores by method: step 5 of the composite engine, for each method of
-- normalise_methods (the one method.yaml names and the alternatives the uncertainty analysis
-- draws from). Each indicator is first multiplied by its direction, so that higher is better;
-- its scale (min, max, mean, ...) is taken over the regions of one year (normalise.over = year)
-- or over all regions and years together (over = all, so that scores compare across time).
-- With x the directed value, [l, u] = [normalise.lower, normalise.upper]:
--   minmax           l + (x - min) / (max - min) (u - l)                     (COINr n_minmax)
--   zscore           (x - mean) / sd zs + zm, sd the sample standard deviation, zm and zs
--                    normalise.mean and .sd (0 and 1 unless set)            (n_zscore, m_sd = zm, zs)
--   rank             rank of x, 1 the lowest, ties sharing the lower rank      (n_rank)
--   borda            rank - 1: 0 the lowest                                    (n_borda)
--   fraction_of_max  x / max (meant for indicators above 0 with direction 1)   (n_fracmax)
--   percentile       l + (rank - 1) / (n - 1) (u - l)                          (n_prank, onto [l, u])
--   distance_to_max  l + (1 - (max - x) / (max - min)) (u - l)                 (n_dist2max, onto [l, u])
--   target           l + min(1, 1 - (t - x) / (t - min)) (u - l), t the framework's target times
--                    the direction: the goalposts are the lowest value and the target (n_dist2targ,
--                    cap_max = TRUE, onto [l, u])
--   reference        100 x value / ref, or 100 x ref / value for direction -1, ref the reference of
--                    method.yaml (the mean or median of the regions, one region's value, or the
--                    national value of the year, computed from the national totals): the reference
--                    scores 100; NULL where a ratio has no meaning (ref <= 0) or there is no ref
--                    (a national total missing: never another reference instead)
-- The formulas are applied by normalised_score (02_normalised_score.sql), shared with the nation.
-- A scale without spread (max = min, sd = 0, one value) puts every region in the middle: (l + u) / 2
-- for the bounded methods, zm for zscore, where COINr would give NaN; fraction_of_max of a
-- scale whose max is 0 has no score.
-- From treated, framework, national_treated and normalise_methods.

CREATE TABLE normalised_methods AS
WITH directed AS (
  SELECT
    t.region_code,
    t.year,
    t.indicator,
    f.direction,
    t.value,
    t.value * f.direction AS x,
    f.target * f.direction AS goal,
    CASE WHEN $over = 'year' THEN t.year END AS scope,
    nat.value AS national
  FROM treated AS t
  JOIN framework AS f ON f.code = t.indicator
  LEFT JOIN national_treated AS nat ON nat.indicator = t.indicator AND nat.year = t.year
),
scaled AS (
  SELECT
    *,
    min(x) OVER w AS lo,
    max(x) OVER w AS hi,
    favg(x) OVER w AS mean,
    stddev_samp(x) OVER w AS sd,
    count(x) OVER w AS n,
    rank() OVER (PARTITION BY indicator, scope ORDER BY x ASC NULLS LAST) AS r,
    -- Every window below is computed whichever branch is taken: the ones not taken get no values,
    -- since a median over every series costs as much as the rest of this query.
    CASE $reference
      WHEN 'mean' THEN favg(CASE WHEN $reference = 'mean' THEN value END) OVER w
      WHEN 'median' THEN median(CASE WHEN $reference = 'median' THEN value END) OVER w
      WHEN 'national' THEN national
      ELSE favg(CASE WHEN region_code = $reference THEN value END) OVER w
    END AS ref
  FROM directed
  WINDOW w AS (PARTITION BY indicator, scope)
)
SELECT
  m.method,
  s.region_code,
  s.year,
  s.indicator AS node,
  normalised_score(m.method, s.x, s.value, s.lo, s.hi, s.mean, s.sd, s.n, s.r, s.goal, s.ref, s.direction, $lower, $upper, $zmean, $zsd) AS score
FROM scaled AS s
CROSS JOIN normalise_methods AS m
ORDER BY m.method, s.region_code, s.year, s.indicator;
