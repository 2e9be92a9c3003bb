-- The reports wide: one row per institution and year reported, a column per field (a field
-- left empty is missing, never 0), with the institution's kind, affiliation and region, and
-- the form each came from.
-- From register_reports and register_institutions.

CREATE TABLE institution_reports AS
SELECT
  r.institution_id,
  r.year,
  any_value(i.kind) AS kind,
  any_value(i.affiliation) AS affiliation,
  any_value(i.region_code) AS region_code,
  any_value(r.source_file) AS source_file,
  max(r.value) FILTER (WHERE r.field = 'patents_held') AS patents_held,
  max(r.value) FILTER (WHERE r.field = 'invention_patents_held') AS invention_patents_held,
  max(r.value) FILTER (WHERE r.field = 'patents_granted') AS patents_granted,
  max(r.value) FILTER (WHERE r.field = 'assigned_count') AS assigned_count,
  max(r.value) FILTER (WHERE r.field = 'assigned_value') AS assigned_value,
  max(r.value) FILTER (WHERE r.field = 'licensed_count') AS licensed_count,
  max(r.value) FILTER (WHERE r.field = 'licensed_value') AS licensed_value,
  max(r.value) FILTER (WHERE r.field = 'licensed_exclusive') AS licensed_exclusive,
  max(r.value) FILTER (WHERE r.field = 'licensed_open') AS licensed_open,
  max(r.value) FILTER (WHERE r.field = 'equity_count') AS equity_count,
  max(r.value) FILTER (WHERE r.field = 'equity_value') AS equity_value,
  max(r.value) FILTER (WHERE r.field = 'income') AS income,
  max(r.value) FILTER (WHERE r.field = 'income_rewarded') AS income_rewarded,
  max(r.value) FILTER (WHERE r.field = 'untransformed_state_funded') AS untransformed_state_funded,
  max(r.value) FILTER (WHERE r.field = 'office_staff') AS office_staff
FROM register_reports AS r
JOIN register_institutions AS i USING (institution_id)
GROUP BY r.institution_id, r.year;
