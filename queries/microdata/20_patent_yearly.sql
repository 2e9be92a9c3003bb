-- Patent years: the patent register reduced to one row per region and year: what was filed,
-- granted and lapsed. Three reads of patent_cube (15_patent_cube.sql: the records already
-- counted by every field used here), each grouped by region and its own year (filing, grant,
-- lapse), then the few thousand rows they give added up by region and year.
--   invention_applications = inventions by filing_year; pct_applications = PCT filings by
--   filing_year; patent_grants = all grants by grant_year; invention_grants = inventions so;
--   *_change = grants minus lapses (by lapse_year) of all patents, of inventions and of
--   high-value inventions (high_value = 1): the yearly change of the stocks in force.
-- A separate table, not a CTE, because 21_patent_aggregates.sql reads it three times and
-- some engines recompute a CTE at every reference.
-- Portable SQL (GROUP BY, CASE, SUM, UNION ALL); from patent_cube.

CREATE TABLE patent_yearly AS
WITH events AS (
  SELECT
    region_code,
    filing_year AS year,
    SUM(CASE WHEN type = 'invention' THEN records ELSE 0 END) AS invention_applications,
    SUM(CASE WHEN pct = 1 THEN records ELSE 0 END) AS pct_applications,
    0 AS patent_grants,
    0 AS invention_grants,
    0 AS patents_change,
    0 AS inventions_change,
    0 AS high_value_change
  FROM patent_cube
  WHERE filing_year IS NOT NULL
  GROUP BY region_code, filing_year
  UNION ALL
  SELECT
    region_code,
    grant_year AS year,
    0,
    0,
    SUM(records),
    SUM(CASE WHEN type = 'invention' THEN records ELSE 0 END),
    SUM(records),
    SUM(CASE WHEN type = 'invention' THEN records ELSE 0 END),
    SUM(CASE WHEN type = 'invention' AND high_value = 1 THEN records ELSE 0 END)
  FROM patent_cube
  WHERE grant_year IS NOT NULL
  GROUP BY region_code, grant_year
  UNION ALL
  SELECT
    region_code,
    lapse_year AS year,
    0,
    0,
    0,
    0,
    -SUM(records),
    -SUM(CASE WHEN type = 'invention' THEN records ELSE 0 END),
    -SUM(CASE WHEN type = 'invention' AND high_value = 1 THEN records ELSE 0 END)
  FROM patent_cube
  WHERE grant_year IS NOT NULL AND lapse_year IS NOT NULL
  GROUP BY region_code, lapse_year
)
SELECT
  region_code,
  year,
  SUM(invention_applications) AS invention_applications,
  SUM(pct_applications) AS pct_applications,
  SUM(patent_grants) AS patent_grants,
  SUM(invention_grants) AS invention_grants,
  SUM(patents_change) AS patents_change,
  SUM(inventions_change) AS inventions_change,
  SUM(high_value_change) AS high_value_change
FROM events
GROUP BY region_code, year;
