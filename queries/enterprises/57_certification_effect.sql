-- The effect of certification as published (out/data/certification_effect.csv): for each
-- outcome and event time (and overall: the row whose event_time is empty), the estimate (54_effect_estimates.sql), its bootstrap
-- standard error (56_effect_bootstrap.sql; none with enterprises.effect.bootstrap: 0) and a 95%
-- band, att +- 1.96 se as the survey estimates'; the treated enterprises behind it and the
-- control comparisons (an enterprise counts once for each cohort it is a control of). An
-- estimate resting on fewer than 3 treated enterprises is not published, so that no
-- enterprise's outcome can be read off it. Observational: the enterprise IP management page says
-- what would bias it.
-- From effect_targets and effect_bootstrap.

CREATE TABLE certification_effect AS
WITH estimates AS (
  SELECT outcome, target, any_value(sort_key) AS sort_key, any_value(att) AS att, sum(nt) AS n_treated, sum(nc) AS n_control
  FROM effect_targets
  GROUP BY outcome, target
)
SELECT
  e.outcome,
  CAST(nullif(e.target, 'overall') AS INTEGER) AS event_time,
  CASE WHEN e.n_treated >= 3 THEN e.att END AS att,
  CASE WHEN e.n_treated >= 3 THEN b.se END AS se,
  CASE WHEN e.n_treated >= 3 THEN e.att - 1.959963984540054 * b.se END AS ci_low,
  CASE WHEN e.n_treated >= 3 THEN e.att + 1.959963984540054 * b.se END AS ci_high,
  CAST(e.n_treated AS INTEGER) AS n_treated,
  CAST(e.n_control AS INTEGER) AS n_control
FROM estimates AS e
LEFT JOIN effect_bootstrap AS b USING (outcome, target)
ORDER BY e.outcome, e.sort_key;
