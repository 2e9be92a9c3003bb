-- patent_records: the patent register, one row per patent application, typed. From the view
-- named by the variable patent_records_source: csv_records (05_csv_records.sql: the first build
-- of a patent_records.csv reads the CSV itself) or parquet_records (08_parquet_records.sql: its
-- cached Parquet copy, patent_records.parquet, or a folder patent_records/ partitioned
-- hive-style, e.g. filing_year=2020/region_code=330100/part-0.parquet). The source views are
-- defined afresh for each dataset, so this view is read only while its dataset is aggregated.
-- This file and the other *_records.sql are the only DuckDB-specific SQL of the aggregation
-- (query_table, getvariable); the aggregates read these views with portable SQL. Type labels
-- are normalised here, so Chinese registry labels (发明, 实用新型, 外观设计) count too; the
-- usual labels are matched first, as they are, so that 10 million rows cost no string work.

CREATE VIEW patent_records AS
SELECT
  CAST(patent_id AS VARCHAR) AS patent_id,
  CAST(region_code AS VARCHAR) AS region_code,
  CAST(filing_year AS INTEGER) AS filing_year,
  CASE CAST(type AS VARCHAR)
    WHEN 'invention' THEN 'invention'
    WHEN 'utility' THEN 'utility'
    WHEN 'design' THEN 'design'
    WHEN '发明' THEN 'invention'
    WHEN '实用新型' THEN 'utility'
    WHEN '外观设计' THEN 'design'
    ELSE trim(lower(CAST(type AS VARCHAR)))
  END AS type,
  CAST(grant_year AS INTEGER) AS grant_year,   -- NULL: not (yet) granted
  CAST(lapse_year AS INTEGER) AS lapse_year,   -- NULL: in force, or never granted
  CAST(high_value AS INTEGER) AS high_value,   -- 1: high-value invention (CNIPA's definition)
  CAST(pct AS INTEGER) AS pct,                 -- 1: also filed under the PCT
  CAST(ipc_class AS VARCHAR) AS ipc_class
FROM patent_records_source;
