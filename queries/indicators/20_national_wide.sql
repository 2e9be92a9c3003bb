-- National totals, wide: one row per year, one column per codebook variable, from the rows
-- named 全国 (kept in observations under the national code 100000, nationalCode of
-- src/lib/types.ts, written out here because DuckDB's PIVOT takes no parameters in its source),
-- in the shape of observations_wide so that the same compiled formulas compute the national
-- indicators.
-- From variables and observations. Every year and variable is present, as NULL where no
-- national total was given: a national value is never made up from the regions. The columns
-- are those of observations_wide, named by its ENUM codebook_variable
-- (10_observations_wide.sql).

CREATE TABLE national_wide AS
WITH years AS (
  SELECT CAST(range AS INTEGER) AS year
  FROM range((SELECT min(year) FROM observations), (SELECT max(year) FROM observations) + 1)
),
given AS (
  PIVOT (SELECT year, variable, value FROM observations WHERE region_code = '100000')
  ON variable IN codebook_variable
  USING first(value)
  GROUP BY year
)
SELECT '100000' AS region_code, y.year, g.* EXCLUDE (year)
FROM years AS y
LEFT JOIN given AS g ON g.year = y.year
ORDER BY y.year;
