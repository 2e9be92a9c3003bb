-- Indicator values that rest on survey estimates: for every indicator, each variable of its
-- formula that a survey of the data directory estimated by region, with the estimate's 95%
-- interval, quality letter and suppression, region by region and year by year, for the
-- indicator and region pages. (A formula's variables are found as in indicator_sources.sql;
-- a lag(x) reads last year's estimate, whose quality is that of last year's row.) With each, the
-- indicator's own interval where one was carried through the formula, for the error bars.

WITH tokens AS (
  SELECT code AS indicator, unnest(regexp_split_to_array(formula, '[^A-Za-z0-9_]+')) AS token
  FROM framework
  WHERE formula IS NOT NULL
),
used AS (
  SELECT DISTINCT t.indicator, v.variable
  FROM tokens AS t
  JOIN variables AS v ON v.variable = t.token
)
SELECT u.indicator, e.domain_value AS region_code, e.year, e.variable, e.estimate, e.ci_low, e.ci_high, e.quality, e.suppressed,
  i.ci_low AS indicator_ci_low, i.ci_high AS indicator_ci_high
FROM used AS u
JOIN survey_estimates AS e ON e.variable = u.variable AND e.domain = 'region_code'
LEFT JOIN indicator_intervals AS i ON i.indicator = u.indicator AND i.region_code = e.domain_value AND i.year = e.year
ORDER BY u.indicator, e.domain_value, e.year, e.variable;
