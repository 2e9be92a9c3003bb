-- Monte Carlo children: for each normalisation method drawn from, region-year and level-2 node,
-- the normalised scores of its indicators as lists in node_id order (every indicator of the node,
-- a missing one as 0 with present 0), with the terms of each kind of mean: ln x (geometric),
-- 1 / x (harmonic), x^$power (generalised). They do not depend on the run, so they are computed
-- once and reused by every run that drew the method.
-- grandparent_id is the level-2 node's parent. From normalised_methods, uncertainty_choices,
-- mc_units and mc_nodes.

CREATE OR REPLACE TABLE mc_children AS
WITH indicators AS (
  SELECT node_id, parent_id, code
  FROM mc_nodes
  WHERE level = 1
),
grid AS (
  SELECT c.ord AS normalise_ord, c.method, u.unit_id, u.region_code, u.year, i.node_id, i.parent_id, i.code, p.parent_id AS grandparent_id
  FROM uncertainty_choices AS c
  CROSS JOIN mc_units AS u
  CROSS JOIN indicators AS i
  JOIN mc_nodes AS p ON p.node_id = i.parent_id
  WHERE c.kind = 'normalise'
),
scored AS (
  SELECT g.*, m.score
  FROM grid AS g
  LEFT JOIN normalised_methods AS m
    ON m.method = g.method AND m.region_code = g.region_code AND m.year = g.year AND m.node = g.code
)
SELECT
  normalise_ord,
  unit_id,
  year,
  parent_id,
  grandparent_id,
  list(coalesce(score, 0) ORDER BY node_id) AS scores,
  list(CASE WHEN score IS NULL THEN 0 ELSE 1 END ORDER BY node_id)::DOUBLE[] AS present,
  list(CASE WHEN score > 0 THEN ln(score) ELSE 0 END ORDER BY node_id) AS logs,
  list(CASE WHEN score > 0 THEN 1 / score ELSE 0 END ORDER BY node_id) AS inverses,
  list(CASE WHEN score >= 0 THEN pow(score, $power) ELSE 0 END ORDER BY node_id) AS powers,
  min(score) AS lowest
FROM scored
GROUP BY normalise_ord, unit_id, year, parent_id, grandparent_id;

