-- One back-fitting step of the calibration regression (41_calibrated_influence.sql) on one
-- margin ($margin): the d0-weighted mean of u in each of its categories is taken out.

UPDATE survey_residuals AS r
SET u = r.u - m.mean
FROM (
  SELECT r.request, r.domain_value, r.unit, sum(r.base_weight * r.u) OVER (PARTITION BY r.request, r.domain_value, c.category) / sum(r.base_weight) OVER (PARTITION BY r.request, r.domain_value, c.category) AS mean
  FROM survey_residuals AS r
  JOIN survey_calibration AS c ON c.unit = r.unit AND c.margin = $margin
) AS m
WHERE r.request = m.request AND r.domain_value = m.domain_value AND r.unit = m.unit;
