-- National indicators, long: one row per year and indicator of framework.csv, for the nation
-- (the reference `national` of method.yaml, DESIGN.md "relative to reference").
-- From national_indicator_values, the formulas of framework.csv compiled by
-- src/indicators/compileIndicators.ts over national_wide (written with the regions' SQL as
-- data/indicators.sql). A formula whose national inputs are missing gives NULL, as for regions.

CREATE TABLE national_indicators AS
SELECT
  year,
  indicator,
  CASE WHEN isfinite(value) THEN value END AS value
FROM national_indicator_values
ORDER BY year, indicator;
