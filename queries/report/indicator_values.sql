-- Indicator values: every indicator for every region in the latest year with its value, its
-- flags, its normalised score and rank, and the change of the value since the year before, for
-- the region and indicator pages, which show the latest year (every year is in
-- data/indicators.csv; at prefecture level all years were a third of the report the pages read). The rank is that of the score, so rank 1 is the best region whichever
-- way the indicator points.
-- From indicators, scores and regions.

SELECT
  i.region_code,
  i.year,
  i.indicator,
  i.value,
  i.imputed,
  i.treated,
  s.score,
  s.rank,
  i.value - prev.value AS change
FROM indicators AS i
JOIN regions AS r USING (region_code)
LEFT JOIN scores AS s
  ON s.region_code = i.region_code AND s.year = i.year AND s.node = i.indicator
LEFT JOIN indicators AS prev
  ON prev.region_code = i.region_code AND prev.indicator = i.indicator AND prev.year = i.year - 1
WHERE i.year = (SELECT max(x.year) FROM scores AS x JOIN framework AS f ON f.code = x.node WHERE f.parent IS NULL)
ORDER BY i.indicator, i.year, i.region_code;
