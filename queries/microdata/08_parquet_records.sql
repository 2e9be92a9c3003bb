-- parquet_records: the records of a Parquet file, of a folder of hive-partitioned Parquet files
-- (the partition keys count as columns) or of the cached Parquet copy of a CSV, untyped, from
-- the variables parquet_files and parquet_hive. DuckDB-specific: read_parquet and getvariable.
-- Partition keys stay text (hive_types_autocast off): the records views give every column its type.

CREATE OR REPLACE TEMP VIEW parquet_records AS
SELECT *
FROM read_parquet(
  getvariable('parquet_files'),
  hive_partitioning = getvariable('parquet_hive'),
  hive_types_autocast = false,
  union_by_name = true
);
