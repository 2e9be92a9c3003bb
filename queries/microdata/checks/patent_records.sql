-- Problems in patent_records: records that cannot be counted as they stand. One problem per
-- kind of mistake and value, with how many records have it and the first patent_id among
-- them (a register has no row numbers once it is Parquet, but a patent_id can be looked up).
-- A record is reported for its first mistake only, so one typo gives one line.
-- Every mistake is a matter of the fields patent_cube (15_patent_cube.sql) is grouped by, so
-- the mistakes, their counts and their first patent_id are found in the cube's groups, and
-- the records are not read again.
-- From patent_cube, regions and microdata_files.

WITH flagged AS (
  SELECT
    rec.region_code,
    filing_year,
    type,
    grant_year,
    lapse_year,
    high_value,
    pct,
    records,
    first_patent_id,
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
  FROM patent_cube AS rec
  LEFT JOIN regions AS known ON known.region_code = rec.region_code
  WHERE (known.region_code IS NULL)
     OR (filing_year IS NULL)
     OR (type IS NULL OR type NOT IN ('invention', 'utility', 'design'))
     OR (grant_year < filing_year)
     OR (lapse_year IS NOT NULL AND grant_year IS NULL)
     OR (lapse_year < grant_year)
     OR (high_value IS NULL OR high_value NOT IN (0, 1))
     OR (pct IS NULL OR pct NOT IN (0, 1))
),
counted AS (
  SELECT "column", found, SUM(records) AS n, MIN(first_patent_id) AS patent_id
  FROM flagged
  WHERE "column" IS NOT NULL
  GROUP BY "column", found
)
SELECT
  f.file,
  CAST(NULL AS INTEGER) AS "row",
  c."column",
  c.found || ' in ' || CAST(c.n AS VARCHAR) || ' record' || CASE WHEN c.n = 1 THEN '' ELSE 's' END
    || ' (the first: patent_id ' || COALESCE(c.patent_id, '(none)') || ')' AS found,
  CASE c."column"
    WHEN 'region_code' THEN 'a region_code listed in regions.csv'
    WHEN 'filing_year' THEN 'the year the application was filed, such as 2020'
    WHEN 'type' THEN 'invention, utility or design (发明, 实用新型, 外观设计)'
    WHEN 'grant_year' THEN 'a grant year in or after the filing year, or empty if not granted'
    WHEN 'lapse_year' THEN 'a lapse year in or after the grant year, or empty if in force'
    ELSE '1 or 0'
  END AS expected
FROM counted AS c
CROSS JOIN (SELECT file FROM microdata_files WHERE dataset = 'patent_records') AS f
ORDER BY c."column", c.found;
