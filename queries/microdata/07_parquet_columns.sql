-- Parquet columns: the column names of a Parquet file, or of a folder of hive-partitioned
-- Parquet files (the partition keys count as columns), from the variables probe_files and
-- probe_hive. DuckDB-specific: read_parquet and getvariable.

SELECT column_name
FROM (
  DESCRIBE SELECT *
  FROM read_parquet(getvariable('probe_files'), hive_partitioning = getvariable('probe_hive'), hive_types_autocast = false, union_by_name = true)
);
