-- Problems in pledge_records: registrations that cannot be counted as they stand, one problem
-- per kind of mistake and value, with how many records have it and the first pledge_id.
-- Rows are first found by plain comparisons; only those get their words built.
-- From pledge_records, regions and microdata_files.

WITH flagged AS (
  SELECT
    pledge_id,
    CASE
      WHEN known.region_code IS NULL THEN 'region_code'
      WHEN year IS NULL THEN 'year'
      WHEN patent_ids IS NULL OR patent_ids = '' THEN 'patent_ids'
      WHEN amount IS NULL OR amount < 0 THEN 'amount'
    END AS "column",
    CASE
      WHEN known.region_code IS NULL
        THEN 'the region code "' || COALESCE(rec.region_code, '') || '"'
      WHEN year IS NULL THEN 'no year'
      WHEN patent_ids IS NULL OR patent_ids = '' THEN 'no pledged patent'
      WHEN amount IS NULL THEN 'no amount'
      WHEN amount < 0 THEN 'a negative amount'
    END AS found
  FROM pledge_records AS rec
  LEFT JOIN regions AS known ON known.region_code = rec.region_code
  WHERE (known.region_code IS NULL)
     OR (year IS NULL)
     OR (patent_ids IS NULL OR patent_ids = '')
     OR (amount IS NULL OR amount < 0)
)
SELECT
  f.file,
  CAST(NULL AS INTEGER) AS "row",
  p."column",
  p.found || ' in ' || CAST(COUNT(*) AS VARCHAR) || ' record' || CASE WHEN COUNT(*) = 1 THEN '' ELSE 's' END
    || ' (the first: pledge_id ' || COALESCE(MIN(p.pledge_id), '(none)') || ')' AS found,
  CASE p."column"
    WHEN 'region_code' THEN 'a region_code listed in regions.csv'
    WHEN 'year' THEN 'the year of the registration, such as 2020'
    WHEN 'patent_ids' THEN 'the pledged patents'' ids, separated by ";"'
    ELSE 'the secured loan in 万元, 0 or more'
  END AS expected
FROM flagged AS p
CROSS JOIN (SELECT file FROM microdata_files WHERE dataset = 'pledge_records') AS f
WHERE p."column" IS NOT NULL
GROUP BY f.file, p."column", p.found
ORDER BY p."column", p.found;
