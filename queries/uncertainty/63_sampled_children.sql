-- Monte Carlo children of the level-2 nodes that hold an indicator a drawn survey estimate
-- reaches: for each run, region-year and such node, the lists 40_mc_children.sql makes, with
-- the run's own scores of the sampled indicators (62_sampled_normalised.sql) and the run's
-- normalisation of the others. 41_mc_scores.sql takes these nodes' children from here.
-- From mc_runs, mc_units, mc_nodes, mc_sampled_normalised, normalised_methods and uncertainty_choices.

CREATE OR REPLACE TABLE mc_sampled_children AS
WITH sampled_parents AS (
  SELECT DISTINCT n.parent_id
  FROM mc_nodes AS n
  WHERE n.level = 1 AND n.code IN (SELECT DISTINCT node FROM mc_sampled_normalised)
),
children AS (
  SELECT node_id, parent_id, code
  FROM mc_nodes
  WHERE level = 1 AND parent_id IN (SELECT parent_id FROM sampled_parents)
),
-- The published normalised scores of those nodes' indicators, under each method drawn from.
published AS (
  SELECT c.ord AS normalise_ord, u.unit_id, i.node_id, m.score
  FROM normalised_methods AS m
  JOIN uncertainty_choices AS c ON c.kind = 'normalise' AND c.method = m.method
  JOIN mc_units AS u USING (region_code, year)
  JOIN children AS i ON i.code = m.node
),
drawn AS (
  SELECT s.run, s.unit_id, i.node_id, s.score
  FROM mc_sampled_normalised AS s
  JOIN children AS i ON i.code = s.node
),
scored AS (
  SELECT r.run, u.unit_id, u.year, i.node_id, i.parent_id, p.parent_id AS grandparent_id, coalesce(d.score, m.score) AS score
  FROM mc_runs AS r
  CROSS JOIN mc_units AS u
  CROSS JOIN children AS i
  JOIN mc_nodes AS p ON p.node_id = i.parent_id
  LEFT JOIN drawn AS d ON d.run = r.run AND d.unit_id = u.unit_id AND d.node_id = i.node_id
  LEFT JOIN published AS m ON m.normalise_ord = r.normalise_ord AND m.unit_id = u.unit_id AND m.node_id = i.node_id
),
-- The children in node order once, as a list of scores, and every other list made from it: one
-- ordered aggregate where five would each sort the children again.
ordered AS (
  SELECT run, unit_id, year, parent_id, grandparent_id, list(score ORDER BY node_id) AS children, min(score) AS lowest
  FROM scored
  GROUP BY run, unit_id, year, parent_id, grandparent_id
)
SELECT
  run,
  unit_id,
  year,
  parent_id,
  grandparent_id,
  list_transform(children, lambda s: coalesce(s, 0)) AS scores,
  list_transform(children, lambda s: CASE WHEN s IS NULL THEN 0 ELSE 1 END)::DOUBLE[] AS present,
  list_transform(children, lambda s: CASE WHEN s > 0 THEN ln(s) ELSE 0 END) AS logs,
  list_transform(children, lambda s: CASE WHEN s > 0 THEN 1 / s ELSE 0 END) AS inverses,
  list_transform(children, lambda s: CASE WHEN s >= 0 THEN pow(s, $power) ELSE 0 END) AS powers,
  lowest
FROM ordered;
