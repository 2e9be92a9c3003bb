-- The calibrated influence z' = w u of every respondent, from the residuals
-- (41_calibrated_influence.sql).

CREATE TABLE survey_calibrated_influence AS
SELECT request, domain_value, unit, weight * u AS z
FROM survey_residuals;
