-- The design variance of each estimate's influence total (40_influence.sql), as R's survey
-- package computes it (svyrecvar): with replacement at the first stage, with each stage's
-- finite population correction.
--
-- First stage, per stratum h with n_h PSUs of totals z_hi (a PSU with no respondent of the
-- domain has z = 0) and N_h PSUs in the population:
--   v_h = (1 - n_h/N_h) n_h/(n_h - 1) sum_i (z_hi - mean_h)^2            (no fpc: 1 - n/N = 1)
-- A stratum whose PSUs are all sampled (n_h = N_h) adds nothing. A stratum with one PSU
-- ("lonely") adds nothing under certainty and remove, f (z - c)^2 under adjust, with c the
-- mean of all PSU totals of all strata; under average it is left out and the other strata's
-- sum scaled by (strata) / (strata with a variance). (fail stopped the load.)
--
-- Second stage, when every stage has an fpc (two-stage designs): each PSU i adds
--   n_h/N_h x (1 - m_i/M_i) m_i/(m_i - 1) sum_j (z_hij - mean_i)^2
-- over its m_i sampled second-stage units of totals z_hij, M_i in the population.

CREATE TABLE survey_linearised AS
WITH psu_totals AS (
  SELECT i.request, i.domain_value, u.stratum, u.psu, sum(i.z) AS z
  FROM survey_influence AS i
  JOIN survey_units AS u USING (unit)
  GROUP BY i.request, i.domain_value, u.stratum, u.psu
),
strata AS (
  SELECT
    t.request, t.domain_value, t.stratum,
    any_value(s.n_psu) AS n,
    CASE WHEN any_value(s.pop_psu) IS NULL THEN 1 ELSE (any_value(s.pop_psu) - any_value(s.n_psu)) / any_value(s.pop_psu) END AS f,
    sum(t.z) AS sum_z,
    sum(t.z * t.z) AS sum_z2
  FROM psu_totals AS t
  JOIN survey_strata AS s USING (stratum)
  GROUP BY t.request, t.domain_value, t.stratum
),
centres AS (
  SELECT request, domain_value, sum(sum_z) / sum(n) AS c
  FROM strata
  GROUP BY request, domain_value
),
stratum_variance AS (
  SELECT
    s.request, s.domain_value,
    CASE
      WHEN s.f < 1e-7 THEN 0
      WHEN s.n > 1 THEN s.f * s.n / (s.n - 1) * (s.sum_z2 - s.sum_z * s.sum_z / s.n)
      WHEN d.lonely_psu = 'adjust' THEN s.f * (s.sum_z - c.c) * (s.sum_z - c.c)
      WHEN d.lonely_psu = 'average' THEN NULL
      ELSE 0
    END AS v
  FROM strata AS s
  JOIN centres AS c USING (request, domain_value)
  CROSS JOIN survey_design AS d
),
first_stage AS (
  SELECT request, domain_value, sum(v) * count(*) / count(v) AS v
  FROM stratum_variance
  GROUP BY request, domain_value
),
ssu_totals AS (
  SELECT i.request, i.domain_value, u.psu, u.ssu, sum(i.z) AS z
  FROM survey_influence AS i
  JOIN survey_units AS u USING (unit)
  WHERE (SELECT two_stage FROM survey_design)
  GROUP BY i.request, i.domain_value, u.psu, u.ssu
),
second_stage AS (
  SELECT
    t.request, t.domain_value,
    sum(
      s.n_psu / s.pop_psu
      * CASE
          WHEN (p.pop_ssu - p.n_ssu) / p.pop_ssu < 1e-7 OR p.n_ssu < 2 THEN 0
          ELSE (p.pop_ssu - p.n_ssu) / p.pop_ssu * p.n_ssu / (p.n_ssu - 1) * (t.sum_z2 - t.sum_z * t.sum_z / p.n_ssu)
        END
    ) AS v
  FROM (
    SELECT request, domain_value, psu, sum(z) AS sum_z, sum(z * z) AS sum_z2
    FROM ssu_totals
    GROUP BY request, domain_value, psu
  ) AS t
  JOIN survey_psus AS p USING (psu)
  JOIN survey_strata AS s ON s.stratum = p.stratum
  GROUP BY t.request, t.domain_value
)
SELECT f.request, f.domain_value, f.v + coalesce(s.v, 0) AS variance
FROM first_stage AS f
LEFT JOIN second_stage AS s USING (request, domain_value);
