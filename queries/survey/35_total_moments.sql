-- The influence moments of totals when each respondent is its own PSU (the first pass split
-- by stratum: src/survey/cellSums.ts): a total's influence is z = w y, so a stratum's sum of
-- z and of z^2 are sum w y and sum (w y)^2. Its squared deviations from the cell's mean m,
-- sum w (y - m)^2 = sum w y^2 - 2 m sum w y + m^2 sum w, are what the design effect compares
-- with (taken this way they lose about 1e-16 / cv^2 of their value to rounding: ample for a
-- design effect).

INSERT INTO survey_moments
SELECT s.request, s.domain_value, 1 AS stage, s.stratum AS parent,
  s.swy AS sum_z, s.swyy AS sum_z2,
  s.wyy - 2 * p.y_mean * s.swy + p.y_mean * p.y_mean * s.sw AS squares
FROM (
  -- A stratum's sums come in parts when the pass was split (src/survey/insertInParts.ts).
  SELECT request, domain_value, stratum, replicate, sum(n) AS n, sum(sw) AS sw, sum(swy) AS swy, sum(swyy) AS swyy, sum(wyy) AS wyy
  FROM survey_cell_sums
  WHERE replicate = 0
  GROUP BY request, domain_value, stratum, replicate
) AS s
JOIN survey_requests AS r USING (request)
JOIN survey_point AS p USING (request, domain_value, replicate)
WHERE r.statistic = 'total' AND s.n > 0;
