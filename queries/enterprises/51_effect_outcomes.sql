-- The outcomes of outcomes.csv long, one row per enterprise (its unit), measure and year given (an empty
-- cell is not a 0: UNPIVOT leaves NULLs out, and with them a measure the file has no column
-- for), with each enterprise's cohort, cell and bootstrap group (50_effect_units.sql). Joined
-- while wide, on a row per enterprise-year rather than one per measure. A view: 52_effect_pairs.sql
-- reads it twice, which costs less than storing its millions of rows once.
-- From register_outcomes and effect_units.

CREATE VIEW effect_outcomes AS
SELECT CAST(outcome AS outcome_measure) AS outcome, unit, year, value, cohort, stratum, bucket
FROM (UNPIVOT (
  SELECT u.unit, o.* EXCLUDE (enterprise_id, source_row), u.cohort, u.stratum, u.bucket
  FROM register_outcomes AS o
  JOIN effect_units AS u USING (enterprise_id)
)
ON COLUMNS(* EXCLUDE (unit, year, cohort, stratum, bucket))
INTO NAME outcome VALUE value);
