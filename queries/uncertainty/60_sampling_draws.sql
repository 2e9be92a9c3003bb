-- Sampling error in the Monte Carlo: in each run, every observation that came from a survey
-- (survey_sampling_errors: a region's estimate of a codebook variable with its standard error)
-- drawn from its sampling distribution, normal with the estimate as mean and the se as standard
-- deviation, as a design-based estimate is distributed in large samples. The normal deviate
-- is Box-Muller's, sqrt(-2 ln u1) cos(2 pi u2), from two uniform draws of the run
-- (05_uniform_draw.sql) labelled by the variable, the region and the year, so that every
-- estimate has draws of its own and the same seed gives the same draws. Only the estimates of
-- the years analysed are drawn, and of the year before (a lag() reads it), unless the
-- normalisation scales over all years together (normalise.over = all), which every year enters.
-- From survey_sampling_errors, mc_runs and mc_units.

CREATE OR REPLACE TABLE mc_sampling_draws AS
WITH labelled AS (
  SELECT
    r.run,
    e.region_code,
    e.year,
    e.variable,
    e.estimate,
    e.se,
    'sampling ' || e.variable || ' ' || e.region_code || ' ' || e.year AS label
  FROM survey_sampling_errors AS e
  CROSS JOIN mc_runs AS r
  WHERE $over = 'all' OR e.year IN (SELECT year FROM mc_units UNION SELECT year - 1 FROM mc_units)
)
SELECT
  run,
  region_code,
  year,
  variable,
  -- 1 - u keeps the logarithm's argument in (0, 1].
  estimate + se * sqrt(-2 * ln(1 - uniform_draw($seed, run, label || ' u1'))) * cos(2 * pi() * uniform_draw($seed, run, label || ' u2')) AS value
FROM labelled
ORDER BY run, region_code, year, variable;
