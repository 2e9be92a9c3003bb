-- Replicate-weight variance (R's svrepdesign): the estimate recomputed under each set of
-- replicate weights r, then
--   v = scale x sum_r rscale_r (estimate_r - centre)^2
-- with centre the mean of the replicate estimates (mse: false, R's default) or the full-sample
-- estimate (mse: true). scale and rscales are those of the replicate type (src/survey/
-- replicateScales.ts) unless design.yaml gives them.

CREATE TABLE survey_replicated AS
WITH estimates AS (
  SELECT p.request, p.domain_value, p.replicate, p.estimate, r.rscale, f.estimate AS full_sample
  FROM survey_point AS p
  JOIN survey_replicates AS r USING (replicate)
  JOIN survey_point AS f ON f.request = p.request AND f.domain_value = p.domain_value AND f.replicate = 0
),
centred AS (
  SELECT *,
    CASE WHEN (SELECT replicate_mse FROM survey_design) THEN full_sample
         ELSE avg(estimate) OVER (PARTITION BY request, domain_value) END AS centre
  FROM estimates
)
SELECT request, domain_value,
  (SELECT replicate_scale FROM survey_design) * sum(rscale * (estimate - centre) * (estimate - centre)) AS variance
FROM centred
GROUP BY request, domain_value;
