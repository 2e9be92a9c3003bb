-- Treat points: the values outlier treatment works on (method.yaml treat.method = winsorise),
-- one row per region, year and indicator of the regions and indicators kept by screening that
-- have a value after imputation. Each indicator-year is a series treated on its own. x starts as
-- the original value; 42_treat_points_step.sql winsorises it one step at a time.
-- From imputed, screening and indicator_screening.

CREATE TABLE treat_points AS
SELECT
  i.region_code,
  i.year,
  i.indicator,
  i.value AS original,
  i.value AS x,
  CAST(NULL AS VARCHAR) AS winsorised  -- high | low once the point has been changed
FROM imputed AS i
JOIN screening AS s USING (region_code, year)
JOIN indicator_screening AS k USING (indicator, year)
WHERE $method = 'winsorise' AND s.kept AND k.kept AND i.value IS NOT NULL;
