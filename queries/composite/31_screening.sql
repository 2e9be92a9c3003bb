-- Screening of regions: step 2 of the composite engine (method.yaml screen). A region is scored
-- in a year only if it has at least the share screen.regions of the indicators, counted before
-- imputation (screen.on = raw) or after it (screen.on = imputed, COINr's Screen(dat_thresh) on the
-- imputed data, as in its example). Regions left out keep their indicator values but get no
-- scores or ranks that year.
-- From availability and imputed.

CREATE TABLE screening AS
WITH after_imputation AS (
  SELECT region_code, year, count(value) AS available
  FROM imputed
  GROUP BY region_code, year
)
SELECT
  a.region_code,
  a.year,
  a.indicators,
  a.available AS available_raw,
  i.available AS available_imputed,
  CASE $screen_on WHEN 'raw' THEN a.availability ELSE i.available / a.indicators END AS availability,
  CASE $screen_on WHEN 'raw' THEN a.availability ELSE i.available / a.indicators END >= $threshold AS kept
FROM availability AS a
JOIN after_imputation AS i USING (region_code, year)
ORDER BY a.year, a.region_code;
