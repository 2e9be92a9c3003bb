-- Monte Carlo weight lists: in each run, the weights of the indicators of each level-2 node as one
-- list, in node_id order, so that 41_mc_scores.sql aggregates a whole node with one dot product
-- instead of a join and a group per indicator (what makes 1,000 runs x 333 regions fast); and the
-- level-2 node's own weight in its parent, which its scores carry up to the next level.
-- From mc_weights and mc_nodes.

CREATE OR REPLACE TABLE mc_weight_lists AS
WITH lists AS (
  SELECT w.run, w.parent_id AS node_id, list(w.weight ORDER BY w.node_id) AS weights
  FROM mc_weights AS w
  JOIN mc_nodes AS n USING (node_id)
  WHERE n.level = 1
  GROUP BY w.run, w.parent_id
)
SELECT l.run, l.node_id, l.weights, coalesce(o.weight, 1) AS own_weight
FROM lists AS l
LEFT JOIN mc_weights AS o ON o.run = l.run AND o.node_id = l.node_id;
