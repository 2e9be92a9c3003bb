-- The calibrated influence z' = w u from the residuals (41_calibrated_influence.sql).

CREATE OR REPLACE TABLE survey_influence AS
SELECT request, domain_value, unit, weight * u AS z
FROM survey_residuals;
