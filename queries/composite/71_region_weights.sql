-- Region weights: the effective weight of each node for one region and year, after its missing
-- children dropped out and the weights of the others were renormalised: the product, down from
-- the index, of weight / (sum of the weights of the siblings that have a score). For every region
-- scored, the region weights of its indicators add up to 1, and with arithmetic means its index
-- is the sum of region weight x normalised score over its indicators (contributions). A level
-- aggregated by benefit of the doubt weighs each child by the weight bod_weights chose for the
-- region (not renormalised: the BoD score is that weighted sum), so that contributions add up to
-- the index there too.
-- From aggregated, weights and bod_weights.

CREATE TABLE region_weights AS
WITH RECURSIVE
-- Materialised: otherwise each step of the recursion below computes the window sum anew.
present AS MATERIALIZED (
  SELECT a.region_code, a.year, a.node, a.level, w.parent, w.weight,
    coalesce(b.weight, w.weight / nullif(sum(w.weight) OVER (PARTITION BY a.region_code, a.year, w.parent), 0)) AS share
  FROM aggregated AS a
  JOIN weights AS w ON w.code = a.node
  LEFT JOIN bod_weights AS b ON b.region_code = a.region_code AND b.year = a.year AND b.child = a.node AND b.node = w.parent
  WHERE a.score IS NOT NULL
),
tree(region_code, year, node, level, effective_weight) AS (
  SELECT a.region_code, a.year, a.node, a.level, 1.0::DOUBLE
  FROM aggregated AS a
  JOIN framework AS f ON f.code = a.node
  WHERE f.parent IS NULL AND a.score IS NOT NULL
  UNION ALL
  SELECT p.region_code, p.year, p.node, p.level, t.effective_weight * p.share
  FROM tree AS t
  JOIN present AS p ON p.parent = t.node AND p.region_code = t.region_code AND p.year = t.year
)
SELECT region_code, year, node, level, effective_weight
FROM tree
ORDER BY region_code, year, level DESC, node;
