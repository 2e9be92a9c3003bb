-- The surveys' published cells for their pages (src/routes/[[lang]]/survey/), as in
-- out/data/estimates.csv, with the region names of domains by region_code.

SELECT e.survey, e.year, e.variable, e.statistic, e.domain, e.domain_value,
  coalesce(r.name_zh, e.domain_value) AS name_zh, coalesce(r.name_en, e.domain_value) AS name_en,
  e.estimate, e.se, e.ci_low, e.ci_high, e.cv, e.n_respondents, e.quality, e.suppressed, e.deff
FROM survey_estimates AS e
LEFT JOIN regions AS r ON e.domain = 'region_code' AND r.region_code = e.domain_value
ORDER BY e.survey, e.variable, e.statistic, e.domain <> 'all', e.domain, e.domain_value;
