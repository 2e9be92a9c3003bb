-- The values 60_perturbed_wide.sql puts in place of the survey estimates to carry their
-- intervals through the formulas: key 1 every estimate at the low end of its published 95%
-- interval, key 2 at the high end. The variables to widen are filled in by
-- src/indicators/runIndicators.ts (those the survey-based indicators' formulas read).
-- From survey_sampling_errors.

CREATE OR REPLACE VIEW perturbed_values AS
SELECT 1 AS key, region_code, year, variable, ci_low AS value FROM survey_sampling_errors
UNION ALL
SELECT 2 AS key, region_code, year, variable, ci_high AS value FROM survey_sampling_errors;

CREATE OR REPLACE TABLE perturbed_variables (variable VARCHAR);
