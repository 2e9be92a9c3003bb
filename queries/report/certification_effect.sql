-- The effect of GB/T 29490 certification by outcome and event time, and overall (event_time
-- empty), with its bootstrap band (queries/enterprises/57_certification_effect.sql), for the
-- enterprise IP management page.
-- From certification_effect.

SELECT outcome, event_time, att, se, ci_low, ci_high, n_treated, n_control
FROM certification_effect
ORDER BY outcome, event_time NULLS LAST;
