-- The checks that stop a build whatever method.yaml says, as problems (file, row, column, what
-- was found, what was expected): the register names each institution once; a report is of an
-- institution of the register, gives each field of a year once, and a count field in whole
-- numbers. A report's problem names the form and cell its value came from where reports.csv
-- says so.
-- From register_institutions and register_reports. ($counts: the fields counted in whole numbers.)

WITH place AS (
  SELECT *, coalesce(source_file || ', cell ' || source_cell, 'reports.csv') AS shown
  FROM register_reports
)
SELECT 'institutions.csv' AS file, source_row AS row, 'institution_id' AS column,
  'the institution ' || institution_id || ' again (' || count(*) OVER (PARTITION BY institution_id) || ' rows with it)' AS found,
  'each institution once' AS expected
FROM register_institutions
QUALIFY count(*) OVER (PARTITION BY institution_id) > 1
UNION ALL
SELECT 'reports.csv', source_row, 'institution_id',
  'a report of ' || institution_id || ' (' || shown || '), which institutions.csv does not list',
  'an institution_id of institutions.csv'
FROM place
WHERE institution_id NOT IN (SELECT institution_id FROM register_institutions)
UNION ALL
SELECT 'reports.csv', source_row, 'field',
  field || ' of ' || institution_id || ' for ' || year || ' again (' || count(*) OVER (PARTITION BY institution_id, year, field) || ' rows; ' || shown || ')',
  'each field of an institution''s year once (a corrected form replaces the first: import the folder again)'
FROM place
QUALIFY count(*) OVER (PARTITION BY institution_id, year, field) > 1
UNION ALL
SELECT 'reports.csv', source_row, 'value',
  regexp_replace(CAST(value AS VARCHAR), '\.0$', '') || ' for ' || field || ' (' || shown || ')',
  'a whole number of 0 or more'
FROM place
WHERE list_contains(CAST($counts AS VARCHAR[]), field) AND value <> trunc(value)
ORDER BY 1, 2;
