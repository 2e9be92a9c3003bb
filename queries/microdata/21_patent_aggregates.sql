-- Patent aggregates: the patent variables of the codebook for every region and year, from
-- patent_yearly (20_patent_yearly.sql). Adds them to patent_aggregates:
--   flows, counted in the year they happened: invention_applications, pct_applications,
--   patent_grants, invention_grants;
--   stocks at year end (CNIPA's 有效专利: granted and not lapsed): patents_in_force,
--   invention_in_force, high_value_in_force = the sum over the years up to t of grants minus
--   lapses, so in force at the end of year t = granted in t or before and not lapsed by t.
-- The stocks are right when the register holds every patent still in force in its first
-- year: give the register's history, not only the years reported (90_observations_raw.sql
-- keeps only the years the other observation files cover).
-- Every region with a record gets a value in every year of the register (0 in a year without
-- one); a region with no record gets none (missing, not zero). The years are those in which
-- anything was filed, granted or lapsed anywhere.
-- Portable SQL (CASE, joins, GROUP BY, VALUES): it runs unchanged on other SQL engines over the
-- same columns (README, "Microdata and scale").

INSERT INTO patent_aggregates (region_code, year, variable, value, unit, source_column)
WITH region_years AS (
  SELECT r.region_code, y.year
  FROM (SELECT DISTINCT region_code FROM patent_yearly) AS r
  CROSS JOIN (SELECT DISTINCT year FROM patent_yearly) AS y
),
-- The stocks: for each region and year, the changes of every year up to it added up. A join,
-- not a running SUM() OVER (...): DuckDB's window took two and a half times as long here.
stocks AS (
  SELECT
    ry.region_code,
    ry.year,
    SUM(p.patents_change) AS patents_in_force,
    SUM(p.inventions_change) AS invention_in_force,
    SUM(p.high_value_change) AS high_value_in_force
  FROM region_years AS ry
  JOIN patent_yearly AS p ON p.region_code = ry.region_code AND p.year <= ry.year
  GROUP BY ry.region_code, ry.year
),
panel AS (
  SELECT
    ry.region_code,
    ry.year,
    COALESCE(p.invention_applications, 0) AS invention_applications,
    COALESCE(p.pct_applications, 0) AS pct_applications,
    COALESCE(p.patent_grants, 0) AS patent_grants,
    COALESCE(p.invention_grants, 0) AS invention_grants,
    COALESCE(s.patents_in_force, 0) AS patents_in_force,
    COALESCE(s.invention_in_force, 0) AS invention_in_force,
    COALESCE(s.high_value_in_force, 0) AS high_value_in_force
  FROM region_years AS ry
  LEFT JOIN patent_yearly AS p ON p.region_code = ry.region_code AND p.year = ry.year
  LEFT JOIN stocks AS s ON s.region_code = ry.region_code AND s.year = ry.year
)
SELECT
  p.region_code,
  p.year,
  v.variable,
  CASE v.variable
    WHEN 'invention_applications' THEN p.invention_applications
    WHEN 'pct_applications' THEN p.pct_applications
    WHEN 'patent_grants' THEN p.patent_grants
    WHEN 'invention_grants' THEN p.invention_grants
    WHEN 'patents_in_force' THEN p.patents_in_force
    WHEN 'invention_in_force' THEN p.invention_in_force
    WHEN 'high_value_in_force' THEN p.high_value_in_force
  END AS value,
  '件' AS unit,
  v.source_column
FROM panel AS p
CROSS JOIN (VALUES
  ('invention_applications', 'records of type invention, by filing_year'),
  ('pct_applications', 'records with pct = 1, by filing_year'),
  ('patent_grants', 'records, by grant_year'),
  ('invention_grants', 'records of type invention, by grant_year'),
  ('patents_in_force', 'records granted by the year end and not lapsed'),
  ('invention_in_force', 'records of type invention granted by the year end and not lapsed'),
  ('high_value_in_force', 'records of type invention with high_value = 1 granted by the year end and not lapsed')
) AS v (variable, source_column);
