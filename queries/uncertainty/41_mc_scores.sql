-- Monte Carlo scores, level 2: in each run, each level-2 node's weighted mean of its indicators'
-- scores, with the run's weights, normalisation and aggregation method ('configured': $method,
-- the method.yaml method of level 2). The means, the renormalisation for missing indicators and
-- the rules for zeros and negatives are those of queries/composite/63_aggregated_level.sql,
-- written as dot products of lists (w . present is the sum of the weights of the indicators
-- present); each term is computed only in runs whose method needs it:
--   arithmetic   (w . x) / (w . present)
--   geometric    exp((w . ln x) / (w . present))
--   harmonic     (w . present) / (w . 1/x)
--   generalised  ((w . x^p) / (w . present))^(1/p)
-- Each score carries the node's parent and its weight there in the run, for the next level.
-- The children of a node holding an indicator whose survey estimates are drawn differ from run
-- to run (mc_sampled_children, 63_sampled_children.sql, empty when nothing is drawn); every
-- other node's are shared by the runs that drew the same normalisation (mc_children).
-- From mc_runs, mc_children, mc_sampled_children and mc_weight_lists.

CREATE OR REPLACE TABLE mc_scores AS
WITH children AS (
  SELECT r.run, r.aggregate, c.unit_id, c.year, c.parent_id, c.grandparent_id, c.lowest, c.present, c.scores, c.logs, c.inverses, c.powers
  FROM mc_runs AS r
  JOIN mc_children AS c USING (normalise_ord)
  WHERE c.parent_id NOT IN (SELECT parent_id FROM mc_sampled_children)
  UNION ALL
  SELECT r.run, r.aggregate, c.unit_id, c.year, c.parent_id, c.grandparent_id, c.lowest, c.present, c.scores, c.logs, c.inverses, c.powers
  FROM mc_runs AS r
  JOIN mc_sampled_children AS c USING (run)
),
terms AS (
  SELECT
    c.run,
    c.unit_id,
    c.year,
    c.parent_id AS node_id,
    c.grandparent_id AS parent_id,
    w.own_weight AS weight,
    CASE WHEN c.aggregate = 'configured' THEN $method ELSE c.aggregate END AS method,
    c.lowest,
    list_dot_product(w.weights, c.present) AS total,
    w.weights,
    c.scores,
    c.logs,
    c.inverses,
    c.powers
  FROM children AS c
  JOIN mc_weight_lists AS w ON w.run = c.run AND w.node_id = c.parent_id
)
SELECT
  run,
  unit_id,
  year,
  node_id,
  parent_id,
  2 AS level,
  weight,
  CASE
    WHEN lowest IS NULL OR total = 0 THEN NULL
    WHEN method = 'arithmetic' THEN list_dot_product(weights, scores) / total
    WHEN lowest < 0 THEN NULL
    WHEN method = 'geometric' THEN CASE WHEN lowest = 0 THEN 0 ELSE exp(list_dot_product(weights, logs) / total) END
    WHEN method = 'harmonic' THEN CASE WHEN lowest = 0 THEN 0 ELSE total / list_dot_product(weights, inverses) END
    WHEN method = 'generalised' THEN
      CASE WHEN lowest = 0 AND $power < 0 THEN 0 ELSE pow(list_dot_product(weights, powers) / total, 1 / $power) END
  END AS score
FROM terms;
