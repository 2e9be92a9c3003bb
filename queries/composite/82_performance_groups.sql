-- Performance groups: every region's score of every node as a percentage of the reference of
-- method.yaml (the mean or median of the regions' scores that year, or one region's score), and
-- its group, as the European Innovation Scoreboard does: leader above $leaders%, strong from
-- $strong% up to $leaders%, moderate from $moderate% up to $strong%, emerging below $moderate%.
-- From scores.

CREATE TABLE performance_groups AS
WITH referenced AS (
  SELECT
    *,
    CASE $reference
      WHEN 'mean' THEN favg(score) OVER w
      WHEN 'median' THEN median(score) OVER w
      ELSE favg(CASE WHEN region_code = $reference THEN score END) OVER w
    END AS reference_score
  FROM scores
  WINDOW w AS (PARTITION BY year, node)
),
relative AS (
  SELECT *, 100 * score / nullif(reference_score, 0) AS relative
  FROM referenced
)
SELECT
  region_code,
  year,
  node,
  level,
  score,
  reference_score,
  relative,
  CASE
    WHEN relative > $leaders THEN 'leader'
    WHEN relative >= $strong THEN 'strong'
    WHEN relative >= $moderate THEN 'moderate'
    WHEN relative IS NOT NULL THEN 'emerging'
  END AS "group"
FROM relative
ORDER BY year, level DESC, node, relative DESC NULLS LAST, region_code;
