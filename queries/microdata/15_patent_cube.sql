-- Patent cube: the patent register reduced, in its only read, to one row per combination of
-- the fields that the patent variables and checks depend on (region, filing, grant and lapse
-- year, type, flags), with the number of records in each: ~320,000 rows for 10 million
-- records. Every patent variable is a sum over this cube (20_patent_yearly.sql), and the
-- checks (checks/patent_records.sql) look at its groups, so the records are scanned once
-- whatever follows. Each group keeps its first patent_id, which a check names when the group
-- cannot be counted: the records are never read again, not even a CSV's (whose row count
-- DuckDB cannot estimate, so that a join to it would be planned the wrong way round). A later
-- build of the same CSV reads this table back from the cache (cache/patent_cube.sql).
-- Portable SQL (GROUP BY, COUNT); from patent_records (10_patent_records.sql).

CREATE TABLE patent_cube AS
SELECT
  region_code,
  filing_year,
  type,
  grant_year,
  lapse_year,
  high_value,
  pct,
  COUNT(*) AS records,
  MIN(patent_id) AS first_patent_id
FROM patent_records
GROUP BY region_code, filing_year, type, grant_year, lapse_year, high_value, pct;
