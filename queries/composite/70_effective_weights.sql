-- Effective weights: each node's final share of the index, the product of its weight share
-- within its parent (weight / sum of its siblings' weights) down from the index, which weighs 1
-- (COINr's get_eff_weights). With the framework's weights they say how much each indicator
-- counts when no value is missing; region_weights gives them per region after renormalisation.
-- From framework and weights.

CREATE TABLE effective_weights AS
WITH RECURSIVE tree(code, level, weight, effective_weight) AS (
  SELECT code, level, weight, 1.0::DOUBLE
  FROM framework
  WHERE parent IS NULL
  UNION ALL
  SELECT
    w.code,
    w.level,
    w.weight,
    t.effective_weight * w.weight / nullif(sum(w.weight) OVER (PARTITION BY w.parent), 0)
  FROM tree AS t
  JOIN weights AS w ON w.parent = t.code
)
SELECT code, level, weight, effective_weight
FROM tree
ORDER BY level DESC, code;
