-- pledge_records: registered patent pledges, one row per registration, typed. From the Parquet
-- named by the variables pledge_records_files and pledge_records_hive (see
-- 10_patent_records.sql). patent_ids lists the pledged patents separated by ";"; amount is
-- the secured loan in 万元. DuckDB-specific (read_parquet, getvariable).

CREATE VIEW pledge_records AS
SELECT
  CAST(pledge_id AS VARCHAR) AS pledge_id,
  CAST(patent_ids AS VARCHAR) AS patent_ids,
  CAST(region_code AS VARCHAR) AS region_code,
  CAST(year AS INTEGER) AS year,
  CAST(amount AS DECIMAL(18, 2)) AS amount
FROM read_parquet(
  getvariable('pledge_records_files'),
  hive_partitioning = getvariable('pledge_records_hive'),
  hive_types_autocast = false,
  union_by_name = true
);
