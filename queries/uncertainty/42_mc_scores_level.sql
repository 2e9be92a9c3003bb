-- Monte Carlo scores of level $level (3 and up): in each run, the weighted mean of the children's
-- scores with the weights they carry (their run's draws) and the run's aggregation method
-- ('configured': $method, the level's method of method.yaml), as
-- queries/composite/63_aggregated_level.sql computes it. All runs in one set-based statement,
-- grouped on integer keys only; each new score carries its node's parent and weight in turn.
-- From mc_scores (the level below), mc_runs, mc_nodes and mc_weights.

INSERT INTO mc_scores
WITH means AS (
  SELECT
    s.run,
    s.unit_id,
    any_value(s.year) AS year,
    s.parent_id AS node_id,
    any_value(CASE WHEN r.aggregate = 'configured' THEN $method ELSE r.aggregate END) AS method,
    sum(s.weight) AS total,
    min(s.score) AS lowest,
    sum(s.weight * s.score) AS linear,
    sum(CASE WHEN r.aggregate = 'geometric' OR (r.aggregate = 'configured' AND $method = 'geometric') THEN s.weight * ln(greatest(s.score, 1e-300)) END) AS logs,
    sum(CASE WHEN r.aggregate = 'harmonic' OR (r.aggregate = 'configured' AND $method = 'harmonic') THEN s.weight / s.score END) AS inverses,
    sum(CASE WHEN r.aggregate = 'generalised' OR (r.aggregate = 'configured' AND $method = 'generalised') THEN s.weight * pow(greatest(s.score, 0), $power) END) AS powers
  FROM mc_scores AS s
  JOIN mc_runs AS r USING (run)
  WHERE s.level = $level - 1
    AND s.score IS NOT NULL
  GROUP BY s.run, s.unit_id, s.parent_id
)
SELECT
  m.run,
  m.unit_id,
  m.year,
  m.node_id,
  n.parent_id,
  $level AS level,
  coalesce(w.weight, 1) AS weight,
  CASE
    WHEN m.total = 0 THEN NULL
    WHEN m.method = 'arithmetic' THEN m.linear / m.total
    WHEN m.lowest < 0 THEN NULL
    WHEN m.method = 'geometric' THEN CASE WHEN m.lowest = 0 THEN 0 ELSE exp(m.logs / m.total) END
    WHEN m.method = 'harmonic' THEN CASE WHEN m.lowest = 0 THEN 0 ELSE m.total / m.inverses END
    WHEN m.method = 'generalised' THEN CASE WHEN m.lowest = 0 AND $power < 0 THEN 0 ELSE pow(m.powers / m.total, 1 / $power) END
  END AS score
FROM means AS m
JOIN mc_nodes AS n USING (node_id)
LEFT JOIN mc_weights AS w ON w.run = m.run AND w.node_id = m.node_id;
