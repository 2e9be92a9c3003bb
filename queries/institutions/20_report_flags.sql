-- What the reports say that cannot be so, or is unlikely: each a flag with the institution, the
-- year, the field, what was found and what was expected, and the form and cell.
--   error    a part above its total (of which invention patents above patents held, exclusive
--            licences above licences, rewards above income); patents held more than a year
--            before plus those granted since, beyond $tolerance (a share) for lapses counted
--            late. method.yaml institutions.checks says whether errors stop the build (stop)
--            or are listed and kept (flag).
--   warning  a value more than 10 times, or less than a tenth of, the institution's own the
--            year before (both above 0): listed, never an error.
-- Numbers in messages are written as in the form (12, not 12.0).
-- From institution_reports and register_reports.

CREATE TABLE institution_flags AS
WITH parts(part, total) AS (
  VALUES ('invention_patents_held', 'patents_held'), ('licensed_exclusive', 'licensed_count'), ('income_rewarded', 'income')
),
cells AS (
  SELECT institution_id, year, field, value, coalesce(source_file || ', cell ' || source_cell, 'reports.csv, row ' || source_row) AS place
  FROM register_reports
),
paired AS (
  SELECT p.part, p.total, a.institution_id, a.year, a.value AS part_value, b.value AS total_value, a.place
  FROM parts AS p
  JOIN cells AS a ON a.field = p.part
  JOIN cells AS b ON b.field = p.total AND b.institution_id = a.institution_id AND b.year = a.year
),
stock AS (
  SELECT t.institution_id, t.year, t.patents_held, t.patents_granted, p.patents_held AS held_before
  FROM institution_reports AS t
  JOIN institution_reports AS p ON p.institution_id = t.institution_id AND p.year = t.year - 1
),
history AS (
  SELECT t.institution_id, t.year, t.field, t.value, p.value AS before, t.place
  FROM cells AS t
  JOIN cells AS p ON p.institution_id = t.institution_id AND p.field = t.field AND p.year = t.year - 1
)
SELECT 'error' AS severity, institution_id, year, part AS field,
  part || ' ' || regexp_replace(CAST(part_value AS VARCHAR), '\.0$', '') || ' above ' || total || ' ' || regexp_replace(CAST(total_value AS VARCHAR), '\.0$', '') AS found,
  'a part no larger than its total (' || total || ')' AS expected,
  place
FROM paired
WHERE part_value > total_value
UNION ALL
SELECT 'error', s.institution_id, s.year, 'patents_held',
  'patents_held ' || regexp_replace(CAST(s.patents_held AS VARCHAR), '\.0$', '') || ', more than the ' || regexp_replace(CAST(s.held_before AS VARCHAR), '\.0$', '') || ' held a year before and the ' || regexp_replace(CAST(coalesce(s.patents_granted, 0) AS VARCHAR), '\.0$', '') || ' granted since',
  'at most ' || regexp_replace(CAST(s.held_before AS VARCHAR), '\.0$', '') || ' + ' || regexp_replace(CAST(coalesce(s.patents_granted, 0) AS VARCHAR), '\.0$', '') || (CASE WHEN $tolerance > 0 THEN ', with ' || regexp_replace(CAST(round(100 * $tolerance, 1) AS VARCHAR), '\.0$', '') || '% allowed for lapses counted late' ELSE '' END),
  c.place
FROM stock AS s
JOIN cells AS c ON c.institution_id = s.institution_id AND c.year = s.year AND c.field = 'patents_held'
WHERE s.patents_held > (s.held_before + coalesce(s.patents_granted, 0)) * (1 + $tolerance)
UNION ALL
SELECT 'warning', institution_id, year, field,
  field || ' ' || regexp_replace(CAST(value AS VARCHAR), '\.0$', '') || ', against ' || regexp_replace(CAST(before AS VARCHAR), '\.0$', '') || ' the year before',
  'within a tenth and ten times the year before (to be confirmed by the institution)',
  place
FROM history
WHERE value > 0 AND before > 0 AND (value > 10 * before OR value < before / 10)
ORDER BY 1, 2, 3, 4;
