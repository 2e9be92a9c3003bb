-- Observations from microdata: the aggregates of the *_aggregates.sql files added to
-- observations_raw, so that staging converts their units and the checks see them like any
-- other value. Kept: the variables the codebook declares, in the years the other observation
-- files cover (all years when there are none), so that the register's history, needed for
-- its stocks, does not add years of nothing but patents to the index.
-- source_row is 0 for a value counted from a whole file; source_column says what was counted.

INSERT INTO observations_raw
WITH aggregates AS (
  SELECT 'patent_records' AS dataset, * FROM patent_aggregates
  UNION ALL
  SELECT 'transfer_records' AS dataset, * FROM transfer_aggregates
  UNION ALL
  SELECT 'pledge_records' AS dataset, * FROM pledge_aggregates
),
span AS (
  SELECT min(year) AS first_year, max(year) AS last_year FROM observations_raw
)
SELECT
  a.region_code,
  a.year,
  a.variable,
  a.value AS source_value,
  a.unit AS source_unit,
  f.file AS source_file,
  0 AS source_row,
  a.source_column
FROM aggregates AS a
JOIN variables AS v ON v.variable = a.variable
JOIN microdata_files AS f ON f.dataset = a.dataset
CROSS JOIN span
WHERE span.first_year IS NULL OR a.year BETWEEN span.first_year AND span.last_year
ORDER BY source_file, a.region_code, a.year, a.variable;
