-- Node scores: the scores and ranks of the index and its dimensions (every node above the
-- indicators) for every region and year, with the rank a year earlier, for the overview's
-- what-if weights, the region pages and the comparison.
-- From scores and regions.

SELECT
  s.region_code,
  s.year,
  s.node,
  s.level,
  s.score,
  s.rank,
  prev.rank AS previous_rank
FROM scores AS s
JOIN regions AS r USING (region_code)
LEFT JOIN scores AS prev
  ON prev.region_code = s.region_code AND prev.node = s.node AND prev.year = s.year - 1
WHERE s.level >= 2
ORDER BY s.year, s.level DESC, s.node, s.region_code;
