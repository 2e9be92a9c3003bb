-- The reports' flags (queries/institutions/20_report_flags.sql): errors kept because
-- method.yaml says institutions.checks: flag, and the warnings of values far from the
-- institution's year before, to be confirmed by the institution.
-- From institution_flags and register_institutions.

SELECT f.severity, f.institution_id, i.name_zh, coalesce(i.name_en, i.name_zh) AS name_en, f.year, f.field, f.found, f.expected, f.place
FROM institution_flags AS f
JOIN register_institutions AS i USING (institution_id)
ORDER BY f.severity, f.year DESC, f.institution_id, f.field;
