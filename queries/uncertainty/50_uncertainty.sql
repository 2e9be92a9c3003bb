-- Uncertainty: step 9 of the composite engine. For every region, year and node scored, its rank
-- as published (scores) and the 5th percentile, median and 95th percentile of its ranks over the
-- Monte Carlo runs (ranks within each run: 1 the highest score, ties sharing the lower number).
-- The percentiles are R's quantile type 7 (DuckDB's quantile_cont): with N ranks sorted,
-- h = (N - 1) q, the value at position floor(h) plus (h - floor(h)) times the step to the next.
-- Indicators need no run at all: an indicator's rank depends only on the normalisation method, so
-- its N ranks are its rank under each method, as many times as runs drew the method; the
-- percentiles are read off that histogram (the k-th smallest rank, k from 0, is the first whose
-- cumulative count exceeds k). A node without a score in some runs is summarised over the runs
-- that scored it.
-- Nothing here is a floating-point sum (ranks, counts of runs, order statistics), and the rows
-- come in a total order: the table is the same on any number of threads, so it is computed on
-- every core (src/uncertainty/runUncertainty.ts).
-- From mc_scores, mc_runs, normalised_methods, uncertainty_choices, mc_units, mc_nodes and scores.

CREATE OR REPLACE TABLE uncertainty AS
WITH run_ranks AS (
  SELECT
    unit_id,
    node_id,
    -- One integer key per run, year and node partitions faster than the three columns.
    rank() OVER (PARTITION BY (CAST(run AS BIGINT) * 10000 + year) * 100000 + node_id ORDER BY score DESC) AS rank
  FROM mc_scores
  WHERE score IS NOT NULL
),
aggregate_bands AS (
  SELECT unit_id, node_id, quantile_cont(rank, [0.05, 0.5, 0.95]) AS q
  FROM run_ranks
  GROUP BY unit_id, node_id
),
indicator_ranks AS (
  SELECT
    c.ord AS normalise_ord,
    m.region_code,
    m.year,
    m.node,
    rank() OVER (PARTITION BY m.method, m.year, m.node ORDER BY m.score DESC) AS rank
  FROM normalised_methods AS m
  JOIN uncertainty_choices AS c ON c.kind = 'normalise' AND c.method = m.method
  WHERE m.score IS NOT NULL
),
draws AS (
  SELECT normalise_ord, count(*) AS runs
  FROM mc_runs
  GROUP BY normalise_ord
),
histogram AS (
  SELECT u.unit_id, n.node_id, i.rank, sum(d.runs) AS runs
  FROM indicator_ranks AS i
  JOIN draws AS d USING (normalise_ord)
  JOIN mc_units AS u USING (region_code, year)
  JOIN mc_nodes AS n ON n.code = i.node
  GROUP BY u.unit_id, n.node_id, i.rank
),
positions AS (
  SELECT
    unit_id,
    node_id,
    rank,
    sum(runs) OVER (PARTITION BY unit_id, node_id ORDER BY rank) AS below,  -- runs with this rank or better
    CAST(sum(runs) OVER (PARTITION BY unit_id, node_id) - 1 AS DOUBLE) AS last     -- N - 1
  FROM histogram
),
order_statistics AS (
  SELECT
    unit_id,
    node_id,
    any_value(last) AS last,
    min(rank) FILTER (WHERE below > floor(last * 0.05)) AS lo05,
    min(rank) FILTER (WHERE below > least(floor(last * 0.05) + 1, last)) AS hi05,
    min(rank) FILTER (WHERE below > floor(last * 0.5)) AS lo50,
    min(rank) FILTER (WHERE below > least(floor(last * 0.5) + 1, last)) AS hi50,
    min(rank) FILTER (WHERE below > floor(last * 0.95)) AS lo95,
    min(rank) FILTER (WHERE below > least(floor(last * 0.95) + 1, last)) AS hi95
  FROM positions
  GROUP BY unit_id, node_id
),
bands AS (
  SELECT unit_id, node_id, q[1] AS rank_p05, q[2] AS rank_median, q[3] AS rank_p95
  FROM aggregate_bands
  UNION ALL
  SELECT
    unit_id,
    node_id,
    lo05 + (last * 0.05 - floor(last * 0.05)) * (hi05 - lo05),
    lo50 + (last * 0.5 - floor(last * 0.5)) * (hi50 - lo50),
    lo95 + (last * 0.95 - floor(last * 0.95)) * (hi95 - lo95)
  FROM order_statistics
)
SELECT
  s.region_code,
  s.year,
  s.node,
  s.rank,
  -- Rounded: an interpolation between two equal ranks can leave a last-bit error (6.000000000000001),
  -- which R avoids by not interpolating equal values.
  round(b.rank_p05, 9) AS rank_p05,
  round(b.rank_median, 9) AS rank_median,
  round(b.rank_p95, 9) AS rank_p95
FROM scores AS s
JOIN mc_units AS u USING (region_code, year)
JOIN mc_nodes AS n ON n.code = s.node
LEFT JOIN bands AS b ON b.unit_id = u.unit_id AND b.node_id = n.node_id
WHERE s.score IS NOT NULL
ORDER BY s.year, n.level DESC, s.node, s.rank, s.region_code;
