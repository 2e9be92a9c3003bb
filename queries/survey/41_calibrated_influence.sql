-- A calibrated estimate's influence is the residual of the calibration regression (R's
-- svyrecvar with calibration or post-stratification): with d0 the weights before and w after
-- calibration, u = z / w is regressed on the margins' category indicators by least squares
-- weighted by d0, and z' = w (u - fitted). The residual is not zero for respondents outside a
-- domain, so every respondent gets one. 42_residual_sweep.sql fits the regression by
-- back-fitting, margin by margin (exact in one step for a single margin).

CREATE TABLE survey_residuals AS
WITH cells AS (SELECT DISTINCT request, domain_value FROM survey_point WHERE replicate = 0)
SELECT c.request, c.domain_value, u.rowid AS unit, u.base_weight, u.weight, coalesce(i.z, 0) / u.weight AS u
FROM cells AS c
CROSS JOIN survey_units AS u
LEFT JOIN survey_influence AS i ON i.request = c.request AND i.domain_value = c.domain_value AND i.unit = u.rowid;
