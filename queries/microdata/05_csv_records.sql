-- csv_records: one microdata CSV file as typed rows, read by the first build of its content
-- (the records views and their first aggregate read it directly) and written once to Parquet
-- (the cache of src/microdata/csvCache.ts). DuckDB-specific: read_csv and getvariable.
-- From the variables csv_path, csv_delimiter and csv_columns (the header's columns, in file
-- order, with the type each is read as; columns no dataset knows are named extra_column_<n>
-- and left out, as nothing reads them). Rows that do not fit their types are not read but
-- recorded, with their line numbers, in reject_errors (store_rejects), so that every bad row
-- can be reported rather than only the first.

CREATE OR REPLACE TEMP VIEW csv_records AS
SELECT COLUMNS(c -> c NOT LIKE 'extra\_column\_%' ESCAPE '\')
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
