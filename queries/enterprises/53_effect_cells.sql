-- The cells of the estimator, in the spirit of Callaway and Sant'Anna (2021): for each outcome,
-- cohort g (the year first certified) and year t of the panel but the base year g - 1, within
-- each cell of the comparison and each bootstrap group, the treated enterprises (cohort g) and
-- their controls, each as the number observed in both t and g - 1 and the sum of their changes
-- Y_t - Y_(g-1). The controls are, with $control = 'not_yet_treated', the enterprises not
-- certified by t nor by g - 1 (cohort > max(t, g - 1), the never certified among them), other
-- than cohort g itself; with 'never_treated', the never certified only. ATT(g, t) is the treated
-- mean change less the control mean change (54_effect_estimates.sql); t < g - 1 gives the
-- pre-certification differences that check parallel trends.
-- From effect_pairs.

CREATE TABLE effect_cells AS
SELECT
  outcome, stratum, bucket, b + 1 AS g, t,
  coalesce(sum(n) FILTER (WHERE cohort = b + 1), 0) AS n_treated,
  coalesce(sum(s) FILTER (WHERE cohort = b + 1), 0) AS s_treated,
  coalesce(sum(n) FILTER (WHERE cohort <> b + 1), 0) AS n_control,
  coalesce(sum(s) FILTER (WHERE cohort <> b + 1), 0) AS s_control
FROM effect_pairs
WHERE cohort = b + 1
   OR ($control = 'not_yet_treated' AND cohort > greatest(t, b))
   OR ($control = 'never_treated' AND cohort = 9999)
GROUP BY outcome, stratum, bucket, b + 1, t;
