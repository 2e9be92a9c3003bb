-- Linearisation: each respondent's influence on an estimate, z = w y for a total,
-- w (y - mean) / N^ for a mean, w (y - R x) / X^ for a ratio (Taylor's first-order terms, as
-- R's svytotal, svymean and svyratio form them). The variance of the estimate is the design
-- variance of the total of z (50_linearised_variance.sql).

CREATE TABLE survey_influence AS
SELECT
  t.request, t.domain_value, t.unit,
  CASE r.statistic
    WHEN 'total' THEN w.weight * t.y
    WHEN 'mean' THEN w.weight * (t.y - p.estimate) / p.weight_total
    WHEN 'ratio' THEN w.weight * (t.y - p.estimate * t.x) / p.x_total
  END AS z
FROM survey_terms AS t
JOIN survey_requests AS r USING (request)
JOIN survey_weights AS w ON w.unit = t.unit AND w.replicate = 0
JOIN survey_point AS p ON p.request = t.request AND p.domain_value = t.domain_value AND p.replicate = 0;
