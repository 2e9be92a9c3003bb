-- csv_records: one microdata CSV file as typed rows, to be written once to Parquet (the cache
-- of src/pipeline/microdata/cachedParquet.ts). DuckDB-specific: read_csv and getvariable.
-- From the variables csv_path, csv_delimiter and csv_columns (the header's columns, in file
-- order, with the type each is read as). Rows that do not fit their types are not read but
-- recorded, with their line numbers, in reject_errors (store_rejects), so that every bad row
-- can be reported rather than only the first.

CREATE OR REPLACE TEMP VIEW csv_records AS
SELECT *
FROM read_csv(
  getvariable('csv_path'),
  header = true,
  auto_detect = false,
  delim = getvariable('csv_delimiter'),
  quote = '"',
  escape = '"',
  columns = getvariable('csv_columns'),
  store_rejects = true
);
