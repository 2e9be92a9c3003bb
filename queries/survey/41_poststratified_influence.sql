-- A post-stratified estimate's influence is the residual of z from its post-stratum's mean
-- (R's svyrecvar with postStrata): z' = z - w m_g, where m_g = sum(oldw z / w) / sum(oldw)
-- over all respondents of post-stratum g, old weights oldw before calibration. The residual is
-- not zero for respondents outside a domain, so every respondent gets one. Runs only for a
-- post-stratified design.

CREATE OR REPLACE TABLE survey_influence AS
WITH cells AS (SELECT DISTINCT request, domain_value FROM survey_point WHERE replicate = 0),
full_z AS (
  SELECT c.request, c.domain_value, u.unit, u.poststratum, u.base_weight, w.weight, coalesce(i.z, 0) AS z
  FROM cells AS c
  CROSS JOIN survey_units AS u
  JOIN survey_weights AS w ON w.unit = u.unit AND w.replicate = 0
  LEFT JOIN survey_influence AS i ON i.request = c.request AND i.domain_value = c.domain_value AND i.unit = u.unit
),
means AS (
  SELECT request, domain_value, poststratum, sum(base_weight * z / weight) / sum(base_weight) AS m
  FROM full_z
  GROUP BY request, domain_value, poststratum
)
SELECT f.request, f.domain_value, f.unit, f.z - f.weight * m.m AS z
FROM full_z AS f
JOIN means AS m USING (request, domain_value, poststratum);
