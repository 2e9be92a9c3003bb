-- Imputed indicators: step 3 of the composite engine (method.yaml impute.method). A missing value
-- is filled, per indicator and year, with
--   mean | median              : the mean or median of the other regions that year;
--   group_mean | group_median  : the same over the regions of the region's zone (regions.csv),
--                                COINr's i_mean_grp / i_median_grp;
--   latest                     : the region's own latest earlier value (COINr's impute_panel);
--   linear                     : the region's own values interpolated linearly between the nearest
--                                years before and after, and the nearest one beyond them (as R's
--                                approx(rule = 2)).
--   none                       : nothing is filled.
-- Means use compensated sums (favg) so that they agree with R's long-double mean to ~1e-16.
-- The regions that lend their values to a mean are those that pass screening when it comes
-- first (screen.on = raw); with screen.on = imputed every region does, as in COINr's example.
-- A value stays missing when there is nothing to fill it with (e.g. a whole zone is missing),
-- and in a year when no region has the indicator at all: that is a gap in the indicator's
-- definition (a growth rate has no first year), not a missing observation, so the panel
-- methods do not carry a neighbouring year into it either.
-- From indicators_denominated, availability and regions.

CREATE TABLE imputed AS
WITH donors AS (
  SELECT d.year, d.indicator, d.value, r.zone
  FROM indicators_denominated AS d
  JOIN regions AS r USING (region_code)
  JOIN availability AS a USING (region_code, year)
  WHERE d.value IS NOT NULL
    AND ($screen_on = 'imputed' OR a.availability >= $threshold)
),
cross_section AS (
  SELECT year, indicator, favg(value) AS mean, median(value) AS median
  FROM donors
  GROUP BY year, indicator
),
by_zone AS (
  SELECT year, indicator, zone, favg(value) AS mean, median(value) AS median
  FROM donors
  GROUP BY year, indicator, zone
),
panel AS (
  SELECT
    region_code, year, indicator, value,
    last_value(CASE WHEN value IS NOT NULL THEN year END IGNORE NULLS) OVER before AS year_before,
    last_value(value IGNORE NULLS) OVER before AS value_before,
    first_value(CASE WHEN value IS NOT NULL THEN year END IGNORE NULLS) OVER after AS year_after,
    first_value(value IGNORE NULLS) OVER after AS value_after
  FROM indicators_denominated
  WINDOW
    before AS (PARTITION BY region_code, indicator ORDER BY year ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING),
    after AS (PARTITION BY region_code, indicator ORDER BY year ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING)
),
filled AS (
  SELECT
    p.region_code,
    p.year,
    p.indicator,
    p.value AS raw_value,
    CASE WHEN p.value IS NOT NULL THEN p.value
    WHEN c.indicator IS NULL THEN NULL
    ELSE CASE $method
      WHEN 'mean' THEN c.mean
      WHEN 'median' THEN c.median
      WHEN 'group_mean' THEN z.mean
      WHEN 'group_median' THEN z.median
      WHEN 'latest' THEN p.value_before
      WHEN 'linear' THEN CASE
        WHEN p.year_before IS NOT NULL AND p.year_after IS NOT NULL
          THEN p.value_before + (p.value_after - p.value_before) * (p.year - p.year_before) / (p.year_after - p.year_before)
        ELSE coalesce(p.value_before, p.value_after)
      END
    END END AS value
  FROM panel AS p
  JOIN regions AS r USING (region_code)
  LEFT JOIN cross_section AS c USING (year, indicator)
  LEFT JOIN by_zone AS z ON z.year = p.year AND z.indicator = p.indicator AND z.zone = r.zone
)
SELECT
  region_code,
  year,
  indicator,
  value,
  raw_value,
  raw_value IS NULL AND value IS NOT NULL AS imputed
FROM filled
ORDER BY region_code, year, indicator;
