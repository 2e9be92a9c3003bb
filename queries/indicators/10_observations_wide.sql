-- Observations, wide: one row per region and year, one column per codebook variable.
-- From regions, variables and observations. Every region, year and variable is present, as
-- NULL where nothing was given, so that every formula can name any declared variable.
-- The index ranks the units of the lowest level of regions.csv: a region that is the parent of
-- others (a province above its prefectures) is a grouping, not a unit, and gets no row here.
-- The columns are the codebook's variables in their order as text, named by an ENUM so that
-- PIVOT knows them without a pass over the data; only the values given are pivoted, and the
-- grid of units and years is joined to them afterwards: pivoting the full grid of units x
-- years x variables took four times as long at prefecture level.

CREATE TYPE codebook_variable AS ENUM (SELECT variable FROM variables ORDER BY variable);

CREATE TABLE observations_wide AS
WITH units AS (
  SELECT region_code
  FROM regions
  WHERE region_code NOT IN (SELECT parent_code FROM regions WHERE parent_code IS NOT NULL)
),
years AS (
  SELECT CAST(range AS INTEGER) AS year
  FROM range((SELECT min(year) FROM observations), (SELECT max(year) FROM observations) + 1)
),
given AS (
  PIVOT (SELECT region_code, year, variable, value FROM observations)
  ON variable IN codebook_variable
  USING first(value)
  GROUP BY region_code, year
)
SELECT u.region_code, y.year, g.* EXCLUDE (region_code, year)
FROM units AS u
CROSS JOIN years AS y
LEFT JOIN given AS g ON g.region_code = u.region_code AND g.year = y.year
ORDER BY u.region_code, y.year;
