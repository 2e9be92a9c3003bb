-- The design variance of each estimate's influence total (src/survey/influenceSums.ts), as R's
-- survey package computes it (svyrecvar): with replacement at the first stage, with each
-- stage's finite population correction, for any number of stages (survey_moments: each
-- parent's sum and sum of squares of its clusters' totals; survey_parents: n, pop, inclusion).
--
-- First stage, per stratum h with n_h PSUs of totals z_hi (a PSU with no respondent of the
-- domain has z = 0) and N_h PSUs in the population:
--   v_h = (1 - n_h/N_h) n_h/(n_h - 1) sum_i (z_hi - mean_h)^2            (no fpc: 1 - n/N = 1)
-- A stratum whose PSUs are all sampled (n_h = N_h) adds nothing. A stratum with one PSU
-- ("lonely") adds nothing under certainty and remove, f (z - c)^2 under adjust, with c the
-- mean of all PSU totals of all strata; under average it is left out and the other strata's
-- sum scaled by (strata) / (strata with a variance). (fail stopped the load.)
--
-- Stage k > 1, when every stage down to k has an fpc: each cluster p of stage k - 1, sampled
-- with probability pi_p (the product of the fractions n/N above it), adds
--   pi_p x (1 - m_p/M_p) m_p/(m_p - 1) sum_j (z_pj - mean_p)^2
-- over its m_p sampled clusters of stage k of totals z_pj, M_p in the population.

CREATE TABLE survey_linearised AS
WITH terms AS (
  SELECT m.request, m.domain_value, m.stage, m.parent, p.n, p.pop, p.inclusion,
    CASE WHEN p.pop IS NULL THEN 1 ELSE (p.pop - p.n) / p.pop END AS f,
    coalesce(m.sum_z, 0) AS sum_z,
    coalesce(m.sum_z2, 0) AS sum_z2
  FROM (
    -- A parent's sums come in parts when the pass was split (src/survey/insertInParts.ts).
    SELECT request, domain_value, stage, parent, sum(sum_z) AS sum_z, sum(sum_z2) AS sum_z2
    FROM survey_moments
    GROUP BY request, domain_value, stage, parent
  ) AS m
  JOIN survey_parents AS p USING (stage, parent)
),
centres AS (
  SELECT request, domain_value, sum(sum_z) / sum(n) AS c
  FROM terms
  WHERE stage = 1
  GROUP BY request, domain_value
),
stratum_variance AS (
  SELECT
    t.request, t.domain_value,
    CASE
      WHEN t.f < 1e-7 THEN 0
      WHEN t.n > 1 THEN t.f * t.n / (t.n - 1) * (t.sum_z2 - t.sum_z * t.sum_z / t.n)
      WHEN d.lonely_psu = 'adjust' THEN t.f * (t.sum_z - c.c) * (t.sum_z - c.c)
      WHEN d.lonely_psu = 'average' THEN NULL
      ELSE 0
    END AS v
  FROM terms AS t
  JOIN centres AS c USING (request, domain_value)
  CROSS JOIN survey_design AS d
  WHERE t.stage = 1
),
first_stage AS (
  SELECT request, domain_value, sum(v) * count(*) / count(v) AS v
  FROM stratum_variance
  GROUP BY request, domain_value
),
later_stages AS (
  SELECT request, domain_value,
    sum(inclusion * CASE WHEN f < 1e-7 OR n < 2 THEN 0 ELSE f * n / (n - 1) * (sum_z2 - sum_z * sum_z / n) END) AS v
  FROM terms
  WHERE stage > 1 AND pop IS NOT NULL AND inclusion IS NOT NULL
  GROUP BY request, domain_value
)
SELECT f.request, f.domain_value, f.v + coalesce(l.v, 0) AS variance
FROM first_stage AS f
LEFT JOIN later_stages AS l USING (request, domain_value);
