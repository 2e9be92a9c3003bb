-- The effect of certification, point estimates. Within a cell k of the comparison, for cohort g
-- and year t: a = T - C, T the treated mean change from g - 1 to t and C the control mean change
-- (53_effect_cells.sql, summed over the bootstrap groups; a cell without treated or controls
-- drops out). The targets, in the spirit of Callaway and Sant'Anna (2021), are weighted means
-- of the a of their (g, t, k), weights the treated enterprises NT:
--   event time e = t - g (e < -1: before certification, a check of parallel trends; e = -1 is
--   the base, 0 by construction, and not reported): every cohort's ATT(g, g + e), their dynamic
--   aggregation;
--   overall: every ATT(g, t) with t >= g, their simple aggregation.
-- Each row is one (g, t, k) in one target, with the target's estimate att and its treated n_j.
-- From effect_cells.

-- effect_cells was summed on both cores (sums of whole numbers, exact in any order), which leaves
-- its rows in an order that varies from run to run. The sums from here on are of fractions, on
-- one thread, and add up in the order of the rows: the cells are put in one order first, so that
-- every run adds them alike and the estimates are the same to the last digit.
CREATE OR REPLACE TABLE effect_cells AS SELECT * FROM effect_cells ORDER BY ALL;

CREATE TABLE effect_targets AS
WITH totals AS (
  SELECT outcome, stratum, g, t,
    sum(n_treated) AS nt, sum(s_treated) AS st, sum(n_control) AS nc, sum(s_control) AS sc
  FROM effect_cells
  GROUP BY outcome, stratum, g, t
  HAVING sum(n_treated) > 0 AND sum(n_control) > 0
),
cells AS (
  SELECT *, st / nt AS tbar, sc / nc AS cbar, st / nt - sc / nc AS a
  FROM totals
),
entered AS (
  SELECT *, CAST(t - g AS VARCHAR) AS target, t - g AS sort_key FROM cells WHERE t - g <> -1
  UNION ALL
  SELECT *, 'overall', 10000 FROM cells WHERE t >= g
)
SELECT *,
  sum(nt * a) OVER j / sum(nt) OVER j AS att,
  sum(nt) OVER j AS n_j
FROM entered
-- In one order within each target, so that its sums add up alike at every run.
WINDOW j AS (PARTITION BY outcome, target ORDER BY stratum, g, t ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING);
