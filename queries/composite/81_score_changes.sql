-- Score changes: for every region, node and year, the change from the year before: rank_change
-- (positive = moved up: last year's rank minus this year's), score_change (points) and growth
-- (% change of the score). NULL where either year has no score, or for the first year. Scores
-- normalised per year (normalise.over = year) measure position within the year, so their
-- changes are relative; with over = all they compare across time.
-- From scores.

CREATE TABLE score_changes AS
SELECT
  s.region_code,
  s.year,
  s.node,
  s.level,
  p.rank - s.rank AS rank_change,
  s.score - p.score AS score_change,
  (s.score / nullif(p.score, 0) - 1) * 100 AS growth
FROM scores AS s
LEFT JOIN scores AS p
  ON p.region_code = s.region_code AND p.node = s.node AND p.year = s.year - 1
ORDER BY s.year, s.level DESC, s.node, s.region_code;
