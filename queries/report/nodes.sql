-- Nodes: the framework tree in reading order (each node after its parent, siblings in the
-- order of framework.csv), with the weight the composite engine used (framework.csv's, equal or
-- PCA, as method.yaml says), each node's share of its parent (its weight over the weights of its
-- siblings) and its weight in the index (the product of the shares on its path, as
-- composite/70_effective_weights.sql), for the methodology, indicator and overview pages.
-- From framework and weights.

WITH RECURSIVE used AS (
  SELECT f.code, f.parent, coalesce(w.weight, f.weight) AS used_weight, f.rowid AS position
  FROM framework AS f
  LEFT JOIN weights AS w USING (code)
),
shares AS (
  SELECT
    code,
    parent,
    used_weight,
    used_weight / nullif(sum(used_weight) OVER (PARTITION BY parent), 0) AS share,
    position
  FROM used
),
tree AS (
  SELECT code, 0 AS depth, 1.0::DOUBLE AS index_weight, [position] AS path
  FROM shares
  WHERE parent IS NULL
  UNION ALL
  SELECT s.code, t.depth + 1, t.index_weight * s.share, list_append(t.path, s.position)
  FROM shares AS s
  JOIN tree AS t ON s.parent = t.code
)
SELECT
  f.code,
  f.parent,
  f.level,
  t.depth,
  f.name_zh,
  f.name_en,
  f.unit,
  f.direction,
  f.weight,
  s.used_weight,
  s.share,
  t.index_weight,
  f.formula,
  f.target
FROM framework AS f
JOIN shares AS s USING (code)
JOIN tree AS t USING (code)
ORDER BY t.path;
