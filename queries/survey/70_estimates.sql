-- The published cells (output contract: estimates.csv): each estimate in each domain with its
-- standard error (the linearised or the replicate variance, survey_variance), the normal 95%
-- interval estimate +- 1.959963984540054 se (as R's confint), the coefficient of variation
-- se / |estimate|, the design effect (totals and means, as R gives it), the respondents it
-- rests on, and its quality letter by CV band
-- (survey_quality_bands; by default A < 5%, B < 10%, C < 16.5%, D < 33.3%, else E, as
-- statistics agencies publish them).
--
-- Disclosure control, then: a cell is suppressed (primary) when it rests on fewer respondents
-- than min_respondents; when, for a total, its n largest weighted contributions w y make more
-- than k of it (the dominance rule, design.yaml's disclosure.dominance); or when its quality
-- is E and the design does not opt in. A total whose domain (say the regions) has exactly one
-- primary suppression would give it away by subtraction from the whole (regions add up to
-- the nation), so the smallest other published cell of that domain is suppressed too
-- (secondary). A suppressed cell's numbers are left empty and the reason is given.

WITH srs AS (
  -- The variance the same number of respondents would give under simple random sampling
  -- without replacement, as R's svymean and svytotal compute it for deff: s2 / n (N^ - n) / N^
  -- for a mean, N^2 times that for a total, with s2 = sum w (y - mean)^2 / N^ x n / (n - 1)
  -- (the squares from src/survey/influenceSums.ts).
  SELECT p.request, p.domain_value, p.n_respondents AS n, p.weight_total,
    s.squares / p.weight_total * p.n_respondents / nullif(p.n_respondents - 1, 0) AS s2
  FROM survey_point AS p
  JOIN survey_srs AS s USING (request, domain_value)
  WHERE p.replicate = 0
),
cells AS (
  SELECT r.request, r.variable, r.statistic, r.domain, p.domain_value, p.estimate, sqrt(v.variance) AS se, p.n_respondents,
    -- R gives a design effect for totals and means, not for ratios.
    CASE r.statistic
      WHEN 'mean' THEN v.variance / nullif(s.s2 / s.n * (s.weight_total - s.n) / s.weight_total, 0)
      WHEN 'total' THEN v.variance / nullif(s.s2 * s.weight_total * s.weight_total / s.n * (s.weight_total - s.n) / s.weight_total, 0)
    END AS deff
  FROM survey_point AS p
  JOIN survey_requests AS r USING (request)
  LEFT JOIN survey_variance AS v USING (request, domain_value)
  LEFT JOIN srs AS s USING (request, domain_value)
  WHERE p.replicate = 0
),
graded AS (
  SELECT c.*,
    c.se / abs(c.estimate) AS cv,
    coalesce((SELECT arg_min(b.letter, b.below) FROM survey_quality_bands AS b WHERE 100 * c.se / abs(c.estimate) < b.below), 'E') AS quality
  FROM cells AS c
),
primary_suppression AS (
  SELECT g.*,
    CASE
      WHEN g.n_respondents < d.min_respondents THEN 'fewer than ' || d.min_respondents || ' respondents'
      WHEN dm.top_share > d.dominance_k THEN 'dominance: its ' || d.dominance_n || ' largest contributions make ' || printf('%.0f', 100 * dm.top_share) || '%'
      WHEN g.quality = 'E' AND NOT d.publish_e THEN 'quality E: CV of 33.3% or more'
    END AS suppressed
  FROM graded AS g
  CROSS JOIN survey_design AS d
  LEFT JOIN survey_dominance AS dm USING (request, domain_value)
),
lone AS (
  -- Domains of totals with exactly one primary suppression, and the cell that protects it.
  SELECT request, arg_min(domain_value, abs(estimate)) FILTER (WHERE suppressed IS NULL) AS protector
  FROM primary_suppression
  WHERE statistic = 'total' AND domain <> 'all'
  GROUP BY request
  HAVING count(*) FILTER (WHERE suppressed IS NOT NULL) = 1
),
judged AS (
  SELECT p.* REPLACE (
    CASE WHEN p.suppressed IS NULL AND l.protector = p.domain_value THEN 'secondary: protects a suppressed cell of the same ' || p.domain ELSE p.suppressed END AS suppressed
  )
  FROM primary_suppression AS p
  LEFT JOIN lone AS l USING (request)
)
SELECT
  variable, statistic, domain, domain_value,
  CASE WHEN suppressed IS NULL THEN estimate END AS estimate,
  CASE WHEN suppressed IS NULL THEN se END AS se,
  CASE WHEN suppressed IS NULL THEN estimate - 1.959963984540054 * se END AS ci_low,
  CASE WHEN suppressed IS NULL THEN estimate + 1.959963984540054 * se END AS ci_high,
  CASE WHEN suppressed IS NULL THEN cv END AS cv,
  n_respondents,
  quality,
  suppressed,
  CASE WHEN suppressed IS NULL THEN deff END AS deff,
  -- Kept beside the published columns for checks of the estimator, never published.
  estimate AS unsuppressed_estimate,
  se AS unsuppressed_se
FROM judged
ORDER BY request, domain_value <> 'all', domain_value;
