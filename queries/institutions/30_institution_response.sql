-- Response: every institution of the register in every year reports cover (the first to the
-- last year any institution reported), reported or not. A year not reported is missing from the
-- regional figures, never counted as 0; the page and the manifest list it.
-- From register_institutions and institution_reports.

CREATE TABLE institution_response AS
WITH years AS (
  SELECT CAST(range AS INTEGER) AS year
  FROM range((SELECT min(year) FROM institution_reports), (SELECT max(year) FROM institution_reports) + 1)
)
SELECT i.institution_id, i.name_zh, i.name_en, i.kind, i.region_code, y.year,
  EXISTS (SELECT 1 FROM institution_reports AS r WHERE r.institution_id = i.institution_id AND r.year = y.year) AS reported
FROM register_institutions AS i
CROSS JOIN years AS y
ORDER BY y.year, i.institution_id;
