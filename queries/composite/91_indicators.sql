-- Indicators, after the composite engine: every indicator of every region and year with the
-- value the index uses (imputed where it was missing, winsorised or log-transformed where
-- treatment changed it), the flags imputed and treated, the value as its formula gave it
-- (raw_value) and what treatment did (winsorised_high, winsorised_low, log; see treatment_log).
-- Regions or indicators left out by screening keep their imputed values, untreated.
-- From imputed and treated; replaces the indicators table of queries/indicators/.

CREATE OR REPLACE TABLE indicators AS
SELECT
  i.region_code,
  i.year,
  i.indicator,
  coalesce(t.value, i.value) AS value,
  i.imputed,
  t.treatment IS NOT NULL AS treated,
  i.raw_value,
  t.treatment
FROM imputed AS i
LEFT JOIN treated AS t USING (region_code, year, indicator)
ORDER BY i.region_code, i.year, i.indicator;
