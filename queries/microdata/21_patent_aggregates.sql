-- Patent aggregates: the patent variables of the codebook for every region and year, from
-- patent_yearly (20_patent_yearly.sql). Adds them to patent_aggregates:
--   flows, counted in the year they happened: invention_applications, pct_applications,
--   patent_grants, invention_grants;
--   stocks at year end (CNIPA's 有效专利: granted and not lapsed): patents_in_force,
--   invention_in_force, high_value_in_force = the running sum over years of grants minus
--   lapses, so in force at the end of year t = granted in t or before and not lapsed by t.
-- The stocks are right when the register holds every patent still in force in its first
-- year: give the register's history, not only the years reported (90_observations_raw.sql
-- keeps only the years the other observation files cover).
-- Every region with a record gets a value in every year of the register (0 in a year without
-- one); a region with no record gets none (missing, not zero). The years are those in which
-- anything was filed, granted or lapsed anywhere.
-- Portable SQL (CASE, a window SUM, VALUES): it runs unchanged on other SQL engines over the
-- same columns (README, "Microdata and scale").

INSERT INTO patent_aggregates (region_code, year, variable, value, unit, source_column)
WITH region_years AS (
  SELECT r.region_code, y.year
  FROM (SELECT DISTINCT region_code FROM patent_yearly) AS r
  CROSS JOIN (SELECT DISTINCT year FROM patent_yearly) AS y
),
panel AS (
  SELECT
    ry.region_code,
    ry.year,
    COALESCE(p.invention_applications, 0) AS invention_applications,
    COALESCE(p.pct_applications, 0) AS pct_applications,
    COALESCE(p.patent_grants, 0) AS patent_grants,
    COALESCE(p.invention_grants, 0) AS invention_grants,
    SUM(COALESCE(p.patents_change, 0)) OVER running AS patents_in_force,
    SUM(COALESCE(p.inventions_change, 0)) OVER running AS invention_in_force,
    SUM(COALESCE(p.high_value_change, 0)) OVER running AS high_value_in_force
  FROM region_years AS ry
  LEFT JOIN patent_yearly AS p ON p.region_code = ry.region_code AND p.year = ry.year
  WINDOW running AS (PARTITION BY ry.region_code ORDER BY ry.year ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
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
