-- Problems in patent_records: records that cannot be counted as they stand. One problem per
-- kind of mistake and value, with how many records have it and the first patent_id among
-- them (a register has no row numbers once it is Parquet, but a patent_id can be looked up).
-- A record is reported for its first mistake only, so one typo gives one line.
-- Rows are first found by plain comparisons; only those get their words built.
-- From patent_records, regions and microdata_files.

WITH flagged AS (
  SELECT
    patent_id,
    CASE
      WHEN known.region_code IS NULL THEN 'region_code'
      WHEN filing_year IS NULL THEN 'filing_year'
      WHEN type IS NULL OR type NOT IN ('invention', 'utility', 'design') THEN 'type'
      WHEN grant_year < filing_year THEN 'grant_year'
      WHEN lapse_year IS NOT NULL AND grant_year IS NULL THEN 'lapse_year'
      WHEN lapse_year < grant_year THEN 'lapse_year'
      WHEN high_value IS NULL OR high_value NOT IN (0, 1) THEN 'high_value'
      WHEN pct IS NULL OR pct NOT IN (0, 1) THEN 'pct'
    END AS "column",
    CASE
      WHEN known.region_code IS NULL
        THEN 'the region code "' || COALESCE(rec.region_code, '') || '"'
      WHEN filing_year IS NULL THEN 'no filing year'
      WHEN type IS NULL OR type NOT IN ('invention', 'utility', 'design')
        THEN 'the type "' || COALESCE(type, '') || '"'
      WHEN grant_year < filing_year THEN 'a grant year before the filing year'
      WHEN lapse_year IS NOT NULL AND grant_year IS NULL THEN 'a lapse year for a patent never granted'
      WHEN lapse_year < grant_year THEN 'a lapse year before the grant year'
      WHEN high_value IS NULL OR high_value NOT IN (0, 1) THEN 'the flag "' || COALESCE(CAST(high_value AS VARCHAR), '') || '"'
      WHEN pct IS NULL OR pct NOT IN (0, 1) THEN 'the flag "' || COALESCE(CAST(pct AS VARCHAR), '') || '"'
    END AS found
  FROM patent_records AS rec
  LEFT JOIN regions AS known ON known.region_code = rec.region_code
  WHERE (known.region_code IS NULL)
     OR (filing_year IS NULL)
     OR (type IS NULL OR type NOT IN ('invention', 'utility', 'design'))
     OR (grant_year < filing_year)
     OR (lapse_year IS NOT NULL AND grant_year IS NULL)
     OR (lapse_year < grant_year)
     OR (high_value IS NULL OR high_value NOT IN (0, 1))
     OR (pct IS NULL OR pct NOT IN (0, 1))
)
SELECT
  f.file,
  CAST(NULL AS INTEGER) AS "row",
  p."column",
  p.found || ' in ' || CAST(COUNT(*) AS VARCHAR) || ' record' || CASE WHEN COUNT(*) = 1 THEN '' ELSE 's' END
    || ' (the first: patent_id ' || COALESCE(MIN(p.patent_id), '(none)') || ')' AS found,
  CASE p."column"
    WHEN 'region_code' THEN 'a region_code listed in regions.csv'
    WHEN 'filing_year' THEN 'the year the application was filed, such as 2020'
    WHEN 'type' THEN 'invention, utility or design (发明, 实用新型, 外观设计)'
    WHEN 'grant_year' THEN 'a grant year in or after the filing year, or empty if not granted'
    WHEN 'lapse_year' THEN 'a lapse year in or after the grant year, or empty if in force'
    ELSE '1 or 0'
  END AS expected
FROM flagged AS p
CROSS JOIN (SELECT file FROM microdata_files WHERE dataset = 'patent_records') AS f
WHERE p."column" IS NOT NULL
GROUP BY f.file, p."column", p.found
ORDER BY p."column", p.found;
