-- Observations with some values put in place of others, for computing indicators again from
-- them: perturbed_values holds, under a key, region-years' values of variables (the bounds of
-- a survey estimate's interval, key 1 the low and 2 the high: 70_indicator_intervals.sql; the
-- draws of a Monte Carlo run, key the run: queries/uncertainty/60_sampling_draws.sql). For
-- every key, the region-years where a value changes an indicator (its own year, and the next,
-- whose lag() reads it) and the years before them (for the lag), wide as observations_wide
-- is, one column per variable the affected indicators' formulas read (perturbed_variables),
-- the perturbed values in place of the others. The indicators are then computed from it by the
-- same compiled formulas as the published ones (src/indicators/compileIndicators.ts, keyed).
-- From observations_wide, perturbed_values and perturbed_variables.

CREATE OR REPLACE TABLE perturbed_wide AS
WITH changed AS (
  SELECT DISTINCT p.key, p.region_code, p.year + k.shift AS year
  FROM perturbed_values AS p
  CROSS JOIN (VALUES (-1), (0), (1)) AS k(shift)
),
long AS (
  UNPIVOT (SELECT * FROM observations_wide) ON COLUMNS(* EXCLUDE (region_code, year)) INTO NAME variable VALUE value
)
PIVOT (
  SELECT c.key, c.region_code, c.year, v.variable, coalesce(p.value, l.value) AS value
  FROM changed AS c
  CROSS JOIN perturbed_variables AS v
  LEFT JOIN long AS l ON l.region_code = c.region_code AND l.year = c.year AND l.variable = v.variable
  LEFT JOIN perturbed_values AS p ON p.key = c.key AND p.region_code = c.region_code AND p.year = c.year AND p.variable = v.variable
)
ON variable
USING first(value)
GROUP BY key, region_code, year
ORDER BY key, region_code, year;
