-- The reports' regional figures (40_regional_figures.sql) that the codebook declares as of the
-- dataset institutions, into observations_raw as observations like any other, of every region of regions.csv and of the
-- nation ($national), in the codebook's unit, naming the reports ($source). A figure missing
-- because no institution of a region reported is left out (the index treats it as missing).
-- The codebook's dataset says where a variable comes from: university_transfer_income of the
-- dataset transfers is the given aggregate, and the reports' sum of the same name stays on the
-- institutions page; declared of the dataset institutions, the reports give it instead (and an
-- aggregate file giving it too is a duplicate).
-- From institution_figures and variables.

INSERT INTO observations_raw
SELECT
  f.region_code,
  f.year,
  f.variable,
  f.value,
  v.unit,
  $source,
  0,
  'summed from the institutions'' reports (queries/institutions/40_regional_figures.sql)'
FROM institution_figures AS f
JOIN variables AS v USING (variable)
WHERE v.dataset = 'institutions' AND f.value IS NOT NULL AND (f.region_code IN (SELECT region_code FROM regions) OR f.region_code = $national)
ORDER BY f.region_code, f.year, f.variable;
