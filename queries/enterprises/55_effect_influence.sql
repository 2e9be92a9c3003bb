-- Each bootstrap group's influence on each target (54_effect_estimates.sql): the first-order
-- change of the estimate when the group's enterprises weigh a little more, as Callaway and
-- Sant'Anna's influence functions give it, summed over the group. With the group's own treated
-- and control counts and change sums of a (g, t, k), nT, sT, nC, sC:
--   phi = sum over the target's (g, t, k) of
--         [ nT (a - att) + (sT - T nT) - NT / NC (sC - C nC) ] / n_j
-- The influences of all groups sum to 0; the sum of their squares is the estimate's
-- cluster-robust variance, which the multiplier bootstrap (56_effect_bootstrap.sql) reproduces.
-- From effect_cells and effect_targets.

CREATE TABLE effect_influence AS
SELECT
  x.outcome,
  x.target,
  c.bucket,
  sum(c.n_treated * (x.a - x.att) + (c.s_treated - x.tbar * c.n_treated) - x.nt / x.nc * (c.s_control - x.cbar * c.n_control)) / any_value(x.n_j) AS phi
FROM effect_targets AS x
JOIN effect_cells AS c USING (outcome, stratum, g, t)
GROUP BY x.outcome, x.target, c.bucket;
