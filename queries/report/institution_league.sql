-- The league table of institutions in the latest year reported: each institution of the
-- register with its figures of that year (null when it did not report), and the share of the
-- patents it holds that are state-funded and left untransformed. One institution's figures are
-- published: these reports are public in this field.
-- From register_institutions and institution_reports.

WITH latest AS (
  SELECT max(year) AS year FROM institution_reports
)
SELECT
  i.institution_id, i.name_zh, coalesce(i.name_en, i.name_zh) AS name_en, i.kind, i.affiliation, i.region_code,
  (SELECT year FROM latest) AS year,
  r.institution_id IS NOT NULL AS reported,
  r.income,
  coalesce(r.assigned_count, 0) + coalesce(r.licensed_count, 0) + coalesce(r.equity_count, 0) AS contracts,
  r.licensed_count AS licences,
  r.patents_held,
  r.untransformed_state_funded AS untransformed,
  100 * r.untransformed_state_funded / nullif(r.patents_held, 0) AS untransformed_share
FROM register_institutions AS i
LEFT JOIN institution_reports AS r ON r.institution_id = i.institution_id AND r.year = (SELECT year FROM latest)
ORDER BY r.income DESC NULLS LAST, i.institution_id;
