-- Aggregated scores of level $level by Copeland's rule (method.yaml aggregate.method or
-- aggregate.levels: copeland), COINr's a_copeland: a node's children are votes, weighted, and
-- each region meets every other region of the same year. For regions i and j (i before j by
-- region_code, COINr's row order), the share of the weight by which i outranks j is
--   o(i, j) = sum of the shares w_k / sum(w) of the children on which i scores higher than j,
--             plus half those on which they tie (a child either lacks is counted for neither),
-- and o(j, i) = 1 - o(i, j) (COINr's outranking matrix, outrankMatrix). A region's score is its
-- wins less its defeats: the number of regions it outranks (o > 0.5) less the number that
-- outrank it (o < 0.5). Scores run from -(n - 1) to n - 1; they rank regions, they do not
-- measure them (the nation, which meets no region, has none).
-- From aggregated and weights.

INSERT INTO aggregated
WITH shares AS (
  SELECT code AS child, parent, weight / sum(weight) OVER (PARTITION BY parent) AS share
  FROM weights
  WHERE level = $level - 1
),
children AS (
  SELECT s.region_code, s.year, w.parent AS node, s.node AS child, s.score, w.share
  FROM aggregated AS s
  JOIN shares AS w ON w.child = s.node
  WHERE s.level = $level - 1
),
regions AS (
  SELECT DISTINCT region_code, year, node FROM children
),
outranking AS (
  SELECT a.region_code AS i, b.region_code AS j, a.year, a.node,
    -- Summed as COINr sums them, the ties apart and halved after: a pair at exactly 0.5 is a tie
    -- only if both ways of adding agree, and 0.5 is where the rule turns.
    coalesce(fsum(a.share) FILTER (WHERE a.score > b.score), 0) + coalesce(fsum(a.share) FILTER (WHERE a.score = b.score), 0) / 2 AS o
  FROM children AS a
  JOIN children AS b ON b.year = a.year AND b.node = a.node AND b.child = a.child AND a.region_code < b.region_code
  GROUP BY a.region_code, b.region_code, a.year, a.node
),
pairs AS (
  SELECT x.region_code AS i, y.region_code AS j, x.year, x.node, coalesce(o.o, 0) AS o
  FROM regions AS x
  JOIN regions AS y ON y.year = x.year AND y.node = x.node AND x.region_code < y.region_code
  LEFT JOIN outranking AS o ON o.i = x.region_code AND o.j = y.region_code AND o.year = x.year AND o.node = x.node
)
SELECT region_code, year, node, $level AS level, sum(vote) AS score
FROM (
  SELECT i AS region_code, year, node, sign(o - 0.5) AS vote FROM pairs
  UNION ALL
  SELECT j, year, node, sign((1 - o) - 0.5) FROM pairs
  UNION ALL
  -- A region alone in its year meets no one: 0.
  SELECT region_code, year, node, 0 FROM regions
)
GROUP BY region_code, year, node;
