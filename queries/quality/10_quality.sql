-- Quality: the data-quality summary, one row per observation file (out/data/quality.csv and
-- `ipindex check`). From intake_files, intake_dropped, intake_reformatted (quality/00_intake.sql)
-- and observations (staging/20_observations.sql).
--   rows_read     records below the header, blank ones included
--   rows_used     rows that gave at least one value (national totals included: they are kept
--                 as control totals, see staging/20_observations.sql)
--   rows_dropped  rows left out on purpose; dropped_by_reason counts them per reason, the
--                 region name taken off ('"东部地区" is a zone total' counts as 'zone total')
--   values_missing    values given as missing (empty, NA, -, —, …), never read as zero
--   values_converted  values whose text was tidied or whose unit was converted to the
--                 codebook's; converted_by_how counts them per kind of conversion
-- Rows read but neither used, dropped nor blank are rows whose problems stopped the run.

CREATE OR REPLACE TABLE quality AS
WITH used AS (
  SELECT source_file AS file,
    count(DISTINCT source_row) AS rows_used,
    count(*) AS "values",
    count(*) FILTER (WHERE source_value IS NULL) AS values_missing
  FROM observations
  GROUP BY source_file
),
dropped AS (
  SELECT file, count(*) AS rows_dropped,
    string_agg(why || ': ' || n, '; ' ORDER BY n DESC, why) AS dropped_by_reason
  FROM (
    SELECT file, regexp_replace(reason, '^".*" is (a |an )?', '') AS why, count(*) AS n
    FROM intake_dropped
    GROUP BY ALL
  )
  GROUP BY file
),
converted_cells AS (
  -- One row per converted value: its text tidied, its unit converted, or both.
  SELECT file, "row", "column", how FROM intake_reformatted
  UNION ALL
  SELECT source_file, source_row, source_column, 'unit ' || source_unit || ' to ' || unit
  FROM observations
  WHERE source_value IS NOT NULL AND source_unit <> unit
),
converted AS (
  SELECT file, count(DISTINCT ("row", "column")) AS values_converted
  FROM converted_cells
  GROUP BY file
),
converted_how AS (
  SELECT file, string_agg(how || ': ' || n, '; ' ORDER BY n DESC, how) AS converted_by_how
  FROM (SELECT file, how, count(*) AS n FROM converted_cells GROUP BY ALL)
  GROUP BY file
)
SELECT
  f.file,
  f.rows_read,
  coalesce(u.rows_used, 0) AS rows_used,
  coalesce(d.rows_dropped, 0) AS rows_dropped,
  coalesce(d.dropped_by_reason, '') AS dropped_by_reason,
  f.blank_rows,
  coalesce(u."values", 0) AS "values",
  coalesce(u.values_missing, 0) AS values_missing,
  coalesce(c.values_converted, 0) AS values_converted,
  coalesce(h.converted_by_how, '') AS converted_by_how
FROM intake_files AS f
LEFT JOIN used AS u USING (file)
LEFT JOIN dropped AS d USING (file)
LEFT JOIN converted AS c USING (file)
LEFT JOIN converted_how AS h USING (file)
ORDER BY f.file;
