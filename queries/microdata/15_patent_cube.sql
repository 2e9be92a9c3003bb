-- Patent cube: the patent register reduced, in its only read, to one row per combination of
-- the fields that the patent variables and checks depend on (region, filing, grant and lapse
-- year, type, flags), with the number of records in each: ~320,000 rows for 10 million
-- records. Every patent variable is a sum over this cube (20_patent_yearly.sql), and the
-- checks (checks/patent_records.sql) look at its groups, so the records are scanned once
-- whatever follows; patent_id and ipc_class, which no variable uses, are not read at all.
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
  COUNT(*) AS records
FROM patent_records
GROUP BY region_code, filing_year, type, grant_year, lapse_year, high_value, pct;
