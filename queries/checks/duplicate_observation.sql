-- Problems: a region, year and variable given more than once, in one file or across files.
-- Each repeat is reported against the place where the value was first given. The repeated
-- keys are found first, by a count: a clean data directory has none, and then no row is
-- ordered or described.

WITH repeated AS (
  SELECT region_code, year, variable
  FROM observations_raw
  GROUP BY region_code, year, variable
  HAVING count(*) > 1
),
given AS (
  SELECT o.*,
    row_number() OVER (PARTITION BY o.region_code, o.year, o.variable ORDER BY o.source_file, o.source_row) AS nth,
    first_value(o.source_file || ', row ' || o.source_row) OVER (
      PARTITION BY o.region_code, o.year, o.variable ORDER BY o.source_file, o.source_row
    ) AS first_place
  FROM observations_raw AS o
  JOIN repeated AS r
    ON r.region_code IS NOT DISTINCT FROM o.region_code
    AND r.year IS NOT DISTINCT FROM o.year
    AND r.variable IS NOT DISTINCT FROM o.variable
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
