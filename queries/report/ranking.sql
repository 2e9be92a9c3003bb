-- Ranking: the index and its dimensions for every region and year, with the rank a year
-- earlier, for the report pages. From scores, framework and regions.

WITH index_node AS (
  SELECT code FROM framework WHERE parent IS NULL
)
SELECT
  s.year,
  s.region_code,
  r.name_zh,
  r.name_en,
  r.zone,
  s.score,
  s.rank,
  prev.rank AS previous_rank,
  prev.rank - s.rank AS rank_change  -- positive: moved up
FROM scores AS s
JOIN index_node AS i ON s.node = i.code
JOIN regions AS r USING (region_code)
LEFT JOIN scores AS prev
  ON prev.node = s.node AND prev.region_code = s.region_code AND prev.year = s.year - 1
ORDER BY s.year, s.rank NULLS LAST, s.region_code;
