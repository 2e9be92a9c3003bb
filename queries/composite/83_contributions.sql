-- Contributions: how much each indicator adds to its region's index in a year, its region weight
-- (its effective weight after renormalisation for missing values) times its normalised score.
-- With arithmetic means at every level the contributions of a region add up to its index score
-- exactly; share is the contribution as a % of the index score. The largest are a region's
-- strengths, the smallest its weaknesses; rank is the indicator's rank among the regions.
-- From region_weights, normalised, scores and framework.

CREATE TABLE contributions AS
WITH indexed AS (
  SELECT s.region_code, s.year, s.score AS index_score
  FROM scores AS s
  JOIN framework AS f ON f.code = s.node
  WHERE f.parent IS NULL
)
SELECT
  w.region_code,
  w.year,
  w.node AS indicator,
  w.effective_weight AS weight,
  s.score,
  w.effective_weight * s.score AS contribution,
  100 * w.effective_weight * s.score / nullif(i.index_score, 0) AS share,
  s.rank
FROM region_weights AS w
JOIN scores AS s USING (region_code, year, node)
LEFT JOIN indexed AS i USING (region_code, year)
WHERE w.level = 1
ORDER BY w.region_code, w.year, contribution DESC, w.node;
