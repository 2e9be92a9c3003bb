-- pledge_records: registered patent pledges, one row per registration, typed. From the view
-- named by the variable pledge_records_source (csv_records or parquet_records, see
-- 10_patent_records.sql). patent_ids lists the pledged patents separated by ";"; amount is
-- the secured loan in 万元. DuckDB-specific (query_table, getvariable).

CREATE VIEW pledge_records AS
SELECT
  CAST(pledge_id AS VARCHAR) AS pledge_id,
  CAST(patent_ids AS VARCHAR) AS patent_ids,
  CAST(region_code AS VARCHAR) AS region_code,
  CAST(year AS INTEGER) AS year,
  CAST(amount AS DECIMAL(18, 2)) AS amount
FROM pledge_records_source;
