-- Observations, wide: one row per region and year, one column per codebook variable.
-- From regions, variables and observations. Every region, year and variable is present, as
-- NULL where nothing was given, so that every formula can name any declared variable.
-- The index ranks the units of the lowest level of regions.csv: a region that is the parent of
-- others (a province above its prefectures) is a grouping, not a unit, and gets no row here.

CREATE TABLE observations_wide AS
PIVOT (
  SELECT r.region_code, CAST(y.range AS INTEGER) AS year, v.variable, o.value
  FROM regions AS r
  CROSS JOIN range(
    (SELECT min(year) FROM observations),
    (SELECT max(year) FROM observations) + 1
  ) AS y
  CROSS JOIN variables AS v
  LEFT JOIN observations AS o
    ON o.region_code = r.region_code AND o.year = y.range AND o.variable = v.variable
  WHERE r.region_code NOT IN (SELECT parent_code FROM regions WHERE parent_code IS NOT NULL)
)
ON variable
USING first(value)
GROUP BY region_code, year
ORDER BY region_code, year;
