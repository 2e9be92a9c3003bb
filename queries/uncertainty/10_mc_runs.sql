-- Monte Carlo runs: runs 1 to $runs, each with the normalisation and aggregation method drawn
-- for it, uniformly among the uncertainty choices of each kind.
-- From uncertainty_choices.

CREATE OR REPLACE TABLE mc_runs AS
WITH runs AS (
  SELECT CAST(range AS INTEGER) AS run
  FROM range(1, $runs + 1)
),
sizes AS (
  SELECT kind, count(*) AS n
  FROM uncertainty_choices
  GROUP BY kind
),
drawn AS (
  SELECT
    r.run,
    CAST(floor(uniform_draw($seed, r.run, ' normalise') * sn.n) AS INTEGER) AS normalise_ord,
    CAST(floor(uniform_draw($seed, r.run, ' aggregate') * sa.n) AS INTEGER) AS aggregate_ord
  FROM runs AS r
  CROSS JOIN (SELECT n FROM sizes WHERE kind = 'normalise') AS sn
  CROSS JOIN (SELECT n FROM sizes WHERE kind = 'aggregate') AS sa
)
SELECT d.run, d.normalise_ord, n.method AS normalise, a.method AS aggregate
FROM drawn AS d
JOIN uncertainty_choices AS n ON n.kind = 'normalise' AND n.ord = d.normalise_ord
JOIN uncertainty_choices AS a ON a.kind = 'aggregate' AND a.ord = d.aggregate_ord
ORDER BY d.run;
