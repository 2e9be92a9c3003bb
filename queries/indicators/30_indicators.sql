-- Indicators, long: one row per region, year and indicator of framework.csv.
-- From indicator_values, which src/indicators/compileIndicators.ts builds from the formulas of
-- framework.csv (the exact SQL is written next to the results as data/indicators.sql).
-- A formula whose inputs are missing, or that divides by zero, gives NULL: a missing value,
-- never a zero. imputed and treated are false until the composite engine fills or treats values.

CREATE TABLE indicators AS
SELECT
  region_code,
  year,
  indicator,
  CASE WHEN isfinite(value) THEN value END AS value,
  false AS imputed,
  false AS treated
FROM indicator_values
ORDER BY region_code, year, indicator;
