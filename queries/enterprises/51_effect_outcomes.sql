-- The outcomes of outcomes.csv long, one row per enterprise, measure and year given (an empty
-- cell is not a 0), with each enterprise's cohort, cell and bootstrap group (50_effect_units.sql).
-- From register_outcomes and effect_units.

CREATE TABLE effect_outcomes AS
SELECT o.outcome, o.enterprise_id, o.year, o.value, u.cohort, u.stratum, u.bucket
FROM (
  UNPIVOT (SELECT enterprise_id, year, COLUMNS(* EXCLUDE (enterprise_id, year, source_row)) FROM register_outcomes)
  ON COLUMNS(* EXCLUDE (enterprise_id, year)) INTO NAME outcome VALUE value
) AS o
JOIN effect_units AS u USING (enterprise_id)
WHERE o.value IS NOT NULL;
