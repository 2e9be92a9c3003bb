-- The published cells (output contract: estimates.csv): each estimate in each domain with its
-- standard error (the linearised or the replicate variance, survey_variance), the normal 95%
-- interval estimate +- 1.959963984540054 se (as R's confint), the coefficient of variation
-- se / |estimate|, the respondents it rests on, and its quality letter by CV band
-- (survey_quality_bands; by default A < 5%, B < 10%, C < 16.5%, D < 33.3%, else E, as
-- statistics agencies publish them). A cell of fewer respondents than min_respondents is
-- suppressed, and so is a cell of quality E unless the design opts in: its numbers are left
-- empty and the reason is given.

WITH cells AS (
  SELECT r.request, r.variable, r.statistic, r.domain, p.domain_value, p.estimate, sqrt(v.variance) AS se, p.n_respondents
  FROM survey_point AS p
  JOIN survey_requests AS r USING (request)
  LEFT JOIN survey_variance AS v USING (request, domain_value)
  WHERE p.replicate = 0
),
graded AS (
  SELECT c.*,
    c.se / abs(c.estimate) AS cv,
    coalesce((SELECT arg_min(b.letter, b.below) FROM survey_quality_bands AS b WHERE 100 * c.se / abs(c.estimate) < b.below), 'E') AS quality
  FROM cells AS c
),
judged AS (
  SELECT g.*,
    CASE
      WHEN g.n_respondents < d.min_respondents THEN 'fewer than ' || d.min_respondents || ' respondents'
      WHEN g.quality = 'E' AND NOT d.publish_e THEN 'quality E: CV of 33.3% or more'
    END AS suppressed
  FROM graded AS g
  CROSS JOIN survey_design AS d
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
  -- Kept beside the published columns for checks of the estimator, never published.
  estimate AS unsuppressed_estimate,
  se AS unsuppressed_se
FROM judged
ORDER BY request, domain_value <> 'all', domain_value;
