-- Response: every institution of the register in every year reports cover (the first to the
-- last year any institution reported), reported or not, and when reported, the day filed and
-- whether that was after the deadline ($deadline, MM-DD of the year after the year reported).
-- A year not reported is missing from the regional figures, never counted as 0; a late report
-- is counted. The page and the manifest list both.
-- From register_institutions, institution_reports and register_reports.

CREATE TABLE institution_response AS
WITH years AS (
  SELECT CAST(range AS INTEGER) AS year
  FROM range((SELECT min(year) FROM institution_reports), (SELECT max(year) FROM institution_reports) + 1)
)
SELECT i.institution_id, i.name_zh, i.name_en, i.kind, i.region_code, y.year,
  r.institution_id IS NOT NULL AS reported,
  r.filed,
  coalesce(r.filed > CAST((y.year + 1) || '-' || $deadline AS DATE), false) AS late
FROM register_institutions AS i
CROSS JOIN years AS y
LEFT JOIN (
  SELECT institution_id, year, max(filed) AS filed FROM register_reports GROUP BY institution_id, year
) AS r ON r.institution_id = i.institution_id AND r.year = y.year
ORDER BY y.year, i.institution_id;
