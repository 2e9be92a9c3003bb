-- Treated indicators: step 4 of the composite engine, the values normalisation starts from, for
-- the regions and indicators kept by screening: winsorised where treatment changed a point, the
-- log of the original values where the series was log-transformed (treatment_log), otherwise
-- the imputed value. treatment says what happened to the point: winsorised_high,
-- winsorised_low or log (COINr's winhi, winlo, log_CT).
-- From imputed, screening, indicator_screening, treat_points and treatment_log.

CREATE TABLE treated AS
WITH logged AS (
  SELECT
    p.region_code,
    p.year,
    p.indicator,
    p.x,
    p.winsorised,
    t.log_transformed,
    p.original,
    min(p.original) OVER series AS lo,
    max(p.original) OVER series AS hi
  FROM treat_points AS p
  JOIN treatment_log AS t USING (indicator, year)
  WINDOW series AS (PARTITION BY p.indicator, p.year)
)
SELECT
  i.region_code,
  i.year,
  i.indicator,
  CASE
    WHEN l.log_transformed IS NOT TRUE THEN coalesce(l.x, i.value)
    WHEN l.original - l.lo + 0.01 * (l.hi - l.lo) > 0 THEN ln(l.original - l.lo + 0.01 * (l.hi - l.lo))
  END AS value,
  CASE
    WHEN l.log_transformed THEN 'log'
    WHEN l.winsorised IS NOT NULL THEN 'winsorised_' || l.winsorised
  END AS treatment
FROM imputed AS i
JOIN screening AS s USING (region_code, year)
JOIN indicator_screening AS k USING (indicator, year)
LEFT JOIN logged AS l USING (region_code, year, indicator)
WHERE s.kept AND k.kept
ORDER BY i.region_code, i.year, i.indicator;
