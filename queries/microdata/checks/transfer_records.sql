-- Problems in transfer_records: recordals that cannot be counted as they stand, one problem
-- per kind of mistake and value, with how many records have it and the first patent_id.
-- Rows are first found by plain comparisons; only those get their words built.
-- From transfer_records, regions and microdata_files.

WITH flagged AS (
  SELECT
    patent_id,
    CASE
      WHEN known.region_code IS NULL THEN 'region_code'
      WHEN year IS NULL THEN 'year'
      WHEN kind IS NULL OR kind NOT IN ('assignment', 'licence') THEN 'kind'
      WHEN value < 0 THEN 'value'
    END AS "column",
    CASE
      WHEN known.region_code IS NULL
        THEN 'the region code "' || COALESCE(rec.region_code, '') || '"'
      WHEN year IS NULL THEN 'no year'
      WHEN kind IS NULL OR kind NOT IN ('assignment', 'licence') THEN 'the kind "' || COALESCE(kind, '') || '"'
      WHEN value < 0 THEN 'a negative contract value'
    END AS found
  FROM transfer_records AS rec
  LEFT JOIN regions AS known ON known.region_code = rec.region_code
  WHERE (known.region_code IS NULL)
     OR (year IS NULL)
     OR (kind IS NULL OR kind NOT IN ('assignment', 'licence'))
     OR (value < 0)
)
SELECT
  f.file,
  CAST(NULL AS INTEGER) AS "row",
  p."column",
  p.found || ' in ' || CAST(COUNT(*) AS VARCHAR) || ' record' || CASE WHEN COUNT(*) = 1 THEN '' ELSE 's' END
    || ' (the first: patent_id ' || COALESCE(MIN(p.patent_id), '(none)') || ')' AS found,
  CASE p."column"
    WHEN 'region_code' THEN 'a region_code listed in regions.csv'
    WHEN 'year' THEN 'the year of the recordal, such as 2020'
    WHEN 'kind' THEN 'assignment or licence (转让, 许可)'
    ELSE 'a contract value of 0 or more 万元, or empty'
  END AS expected
FROM flagged AS p
CROSS JOIN (SELECT file FROM microdata_files WHERE dataset = 'transfer_records') AS f
WHERE p."column" IS NOT NULL
GROUP BY f.file, p."column", p.found
ORDER BY p."column", p.found;
