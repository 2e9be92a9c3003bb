-- transfer_records: recorded patent assignments and licences, one row per recordal, typed.
-- From the view named by the variable transfer_records_source (csv_records or parquet_records,
-- see 10_patent_records.sql). value is the contract value in 万元 (NULL: not stated).
-- DuckDB-specific (query_table, getvariable); Chinese kind labels (转让, 许可) are normalised.

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
FROM transfer_records_source;
