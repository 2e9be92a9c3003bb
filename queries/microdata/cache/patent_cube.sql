-- patent_cube read back from the cache: the table 15_patent_cube.sql made on the first build
-- of the same patent_records.csv (same SHA-256, same queries), kept as Parquet by
-- src/microdata/csvCache.ts, so that a later build reads ~320,000 groups instead of
-- 10 million records. From the Parquet file named by the variable cached_cube_file.
-- DuckDB-specific: read_parquet and getvariable.

CREATE TABLE patent_cube AS
SELECT
  CAST(region_code AS VARCHAR) AS region_code,
  CAST(filing_year AS INTEGER) AS filing_year,
  CAST(type AS VARCHAR) AS type,
  CAST(grant_year AS INTEGER) AS grant_year,
  CAST(lapse_year AS INTEGER) AS lapse_year,
  CAST(high_value AS INTEGER) AS high_value,
  CAST(pct AS INTEGER) AS pct,
  CAST(records AS BIGINT) AS records,
  CAST(first_patent_id AS VARCHAR) AS first_patent_id
FROM read_parquet(getvariable('cached_cube_file'));
