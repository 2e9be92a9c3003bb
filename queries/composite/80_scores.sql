-- Scores with ranks: step 8 of the composite engine, every node (indicators, dimensions, the
-- index) for every region and year scored. Rank 1 is the highest score; ties share the lower rank
-- number (COINr's ties.method = "min"); a missing score has no rank.
-- From aggregated.

CREATE TABLE scores AS
SELECT
  region_code,
  year,
  node,
  level,
  score,
  CASE WHEN score IS NOT NULL THEN
    CAST(rank() OVER (PARTITION BY year, node, score IS NULL ORDER BY score DESC) AS INTEGER)
  END AS rank
FROM aggregated
ORDER BY year, level DESC, node, rank, region_code;
