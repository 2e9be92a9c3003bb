-- Monte Carlo weights: in each run, every node's weight (weights, as method.yaml computed them)
-- times a factor drawn uniformly from [1 - $spread, 1 + $spread] (uncertainty.weights).
-- From mc_runs, weights and mc_nodes.

CREATE OR REPLACE TABLE mc_weights AS
SELECT
  r.run,
  n.node_id,
  n.parent_id,
  w.weight * (1 + $spread * (2 * uniform_draw($seed, r.run, w.code) - 1)) AS weight
FROM mc_runs AS r
CROSS JOIN weights AS w
JOIN mc_nodes AS n ON n.code = w.code
ORDER BY r.run, n.node_id;
