-- National level: for every node and year, the distribution of its scores over the regions
-- (mean, median, quartiles, extremes) and, for indicators, of their values. The pages compare a
-- region with the national level as the unweighted mean over regions: the sample's national
-- totals do not go through the indicator formulas.
-- From scores, indicators and regions.

SELECT
  s.year,
  s.node,
  s.level,
  count(s.score)::INTEGER AS regions,
  avg(s.score) AS score_mean,
  median(s.score) AS score_median,
  min(s.score) AS score_min,
  max(s.score) AS score_max,
  avg(i.value) AS value_mean,
  quantile_cont(i.value, 0.25) AS value_p25,
  median(i.value) AS value_median,
  quantile_cont(i.value, 0.75) AS value_p75,
  min(i.value) AS value_min,
  max(i.value) AS value_max
FROM scores AS s
JOIN regions AS r USING (region_code)
LEFT JOIN indicators AS i
  ON i.region_code = s.region_code AND i.year = s.year AND i.indicator = s.node
GROUP BY s.year, s.node, s.level
ORDER BY s.node, s.year;
