-- Pledge years: pledge_records reduced to one row per region and year in one pass:
-- registrations, pledged patents (the entries of patent_ids, separated by ";": a list's
-- length minus its length without separators, plus 1) and the secured loans added up (万元,
-- DECIMAL, so exact in any order). A table rather than a CTE, as 25_pledge_aggregates.sql
-- reads it three times (see 20_patent_yearly.sql).
-- Portable SQL (GROUP BY, COUNT/SUM, LENGTH/REPLACE); from pledge_records.

CREATE TABLE pledge_yearly AS
SELECT
  region_code,
  year,
  COUNT(*) AS registrations,
  SUM(LENGTH(patent_ids) - LENGTH(REPLACE(patent_ids, ';', '')) + 1) AS patents,
  SUM(amount) AS amount
FROM pledge_records
WHERE year IS NOT NULL
GROUP BY region_code, year;
