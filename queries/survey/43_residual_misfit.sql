-- How far the back-fitting is from the least-squares residual: the largest d0-weighted mean of
-- u left in any category of any margin, against the largest |u|.

SELECT max(abs(mean)) / nullif((SELECT max(abs(u)) FROM survey_residuals), 0) AS misfit
FROM (
  SELECT sum(r.base_weight * r.u) / sum(r.base_weight) AS mean
  FROM survey_residuals AS r
  JOIN survey_calibration AS c USING (unit)
  GROUP BY r.request, r.domain_value, c.margin, c.category
);
