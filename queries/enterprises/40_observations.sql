-- The register's regional figures (30_regional_counts.sql) that the codebook declares, into
-- observations_raw as observations like any other: of every region of regions.csv and of the
-- nation ($national), in the codebook's unit, each naming the register ($source) and how it
-- was counted. A figure the codebook does not declare stays out of the index.
-- From enterprise_counts and variables.

INSERT INTO observations_raw
SELECT
  c.region_code,
  c.year,
  c.variable,
  c.value,
  v.unit,
  $source,
  0,
  'counted from the enterprise register (queries/enterprises/30_regional_counts.sql)'
FROM enterprise_counts AS c
JOIN variables AS v USING (variable)
WHERE c.region_code IN (SELECT region_code FROM regions) OR c.region_code = $national
ORDER BY c.region_code, c.year, c.variable;
