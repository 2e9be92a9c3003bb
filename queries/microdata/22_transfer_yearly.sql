-- Transfer years: transfer_records reduced to one row per region and year in one pass:
-- recordals in all and by kind, and the stated contract values added up (万元; NULL when no
-- recordal of the year states one). DECIMAL money, so sums are exact in any order.
-- A table rather than a CTE, as 23_transfer_aggregates.sql reads it three times (see
-- 20_patent_yearly.sql). Portable SQL (GROUP BY, CASE, COUNT/SUM); from transfer_records.

CREATE TABLE transfer_yearly AS
SELECT
  region_code,
  year,
  COUNT(*) AS recordals,
  SUM(CASE WHEN kind = 'assignment' THEN 1 ELSE 0 END) AS assignments,
  SUM(CASE WHEN kind = 'licence' THEN 1 ELSE 0 END) AS licences,
  SUM(value) AS contract_value
FROM transfer_records
WHERE year IS NOT NULL
GROUP BY region_code, year;
