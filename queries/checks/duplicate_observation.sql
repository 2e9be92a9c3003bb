-- Problems: a region, year and variable given more than once, in one file or across files.
-- Each repeat is reported against the place where the value was first given.

WITH given AS (
  SELECT *,
    row_number() OVER (PARTITION BY region_code, year, variable ORDER BY source_file, source_row) AS nth,
    first_value(source_file || ', row ' || source_row) OVER (
      PARTITION BY region_code, year, variable ORDER BY source_file, source_row
    ) AS first_place
  FROM observations_raw
)
SELECT
  source_file AS file,
  source_row AS "row",
  source_column AS "column",
  'a second value of ' || variable || ' for region ' || region_code || ' in ' || year
    || ' (first given in ' || first_place || ')' AS found,
  'one value per region, year and variable' AS expected
FROM given
WHERE nth > 1
ORDER BY file, "row", "column";
