-- CSV rejects: the rows of the last read of the file csv_path that did not fit their types, with
-- the line (1 = the header, as a spreadsheet numbers rows), the column and DuckDB's reason.
-- DuckDB-specific: reject_errors and reject_scans are filled by read_csv(store_rejects).

SELECT
  CAST(e.line AS BIGINT) AS line,
  e.column_name AS column_name,
  CAST(e.error_type AS VARCHAR) AS error_type,
  e.error_message AS error_message
FROM reject_errors AS e
JOIN reject_scans AS s ON s.scan_id = e.scan_id AND s.file_id = e.file_id
WHERE s.file_path = getvariable('csv_path')
  AND e.scan_id = (SELECT max(scan_id) FROM reject_scans WHERE file_path = getvariable('csv_path'))
ORDER BY e.line, e.column_idx;
