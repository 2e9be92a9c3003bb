-- Performance groups: every region's score of every node as a percentage of the reference of
-- method.yaml (the mean or median of the regions' scores that year, one region's score, or the
-- nation's score: its indicators normalised and aggregated as the regions', national_aggregated),
-- and its group, as the European Innovation Scoreboard does: leader above $leaders%, strong from
-- $strong% up to $leaders%, moderate from $moderate% up to $strong%, emerging below $moderate%.
-- A year without a reference score has no groups (never another reference instead).
-- From scores and national_aggregated.

CREATE TABLE performance_groups AS
WITH referenced AS (
  SELECT
    s.*,
    -- Every window is computed whichever branch is taken: the ones not taken get no values.
    CASE $reference
      WHEN 'mean' THEN favg(CASE WHEN $reference = 'mean' THEN s.score END) OVER w
      WHEN 'median' THEN median(CASE WHEN $reference = 'median' THEN s.score END) OVER w
      WHEN 'national' THEN n.score
      ELSE favg(CASE WHEN s.region_code = $reference THEN s.score END) OVER w
    END AS reference_score
  FROM scores AS s
  LEFT JOIN national_aggregated AS n ON n.year = s.year AND n.node = s.node
  WINDOW w AS (PARTITION BY s.year, s.node)
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
