-- transfer_records: recorded patent assignments and licences, one row per recordal, typed.
-- From the Parquet named by the variables transfer_records_files and transfer_records_hive
-- (see 10_patent_records.sql). value is the contract value in 万元 (NULL: not stated).
-- DuckDB-specific (read_parquet, getvariable); Chinese kind labels (转让, 许可) are normalised.

CREATE VIEW transfer_records AS
SELECT
  CAST(patent_id AS VARCHAR) AS patent_id,
  CAST(region_code AS VARCHAR) AS region_code,
  CAST(year AS INTEGER) AS year,
  CASE CAST(kind AS VARCHAR)
    WHEN 'assignment' THEN 'assignment'
    WHEN 'licence' THEN 'licence'
    WHEN '转让' THEN 'assignment'
    WHEN '许可' THEN 'licence'
    ELSE CASE trim(lower(CAST(kind AS VARCHAR))) WHEN 'license' THEN 'licence' ELSE trim(lower(CAST(kind AS VARCHAR))) END
  END AS kind,
  CAST(value AS DECIMAL(18, 2)) AS value
FROM read_parquet(
  getvariable('transfer_records_files'),
  hive_partitioning = getvariable('transfer_records_hive'),
  hive_types_autocast = false,
  union_by_name = true
);
