-- National totals, wide: one row per year, one column per codebook variable, from the rows
-- named 全国 (kept in observations under the national code 100000, nationalCode of
-- src/lib/types.ts, written out here because DuckDB's PIVOT takes no parameters in its source),
-- in the shape of observations_wide so that the same compiled formulas compute the national
-- indicators.
-- From variables and observations. Every year and variable is present, as NULL where no
-- national total was given: a national value is never made up from the regions.

CREATE TABLE national_wide AS
PIVOT (
  SELECT '100000' AS region_code, CAST(y.range AS INTEGER) AS year, v.variable, o.value
  FROM range(
    (SELECT min(year) FROM observations),
    (SELECT max(year) FROM observations) + 1
  ) AS y
  CROSS JOIN variables AS v
  LEFT JOIN observations AS o
    ON o.region_code = '100000' AND o.year = y.range AND o.variable = v.variable
)
ON variable
USING first(value)
GROUP BY region_code, year
ORDER BY year;
