-- weighted_mean(method, w, x, p): the weighted mean of step 7 of the composite engine, used in a
-- GROUP BY over a node's children (63_aggregated_level.sql for the regions,
-- 64_national_aggregated_level.sql for the nation), so that both aggregate in exactly one way:
--   arithmetic   sum(w x) / sum(w)                        (COINr a_amean)
--   geometric    exp(sum(w ln x) / sum(w))                (a_gmean)
--   harmonic     sum(w) / sum(w / x)                      (a_hmean)
--   generalised  (sum(w x^p) / sum(w))^(1/p)              (a_genmean)
--   mpi          M - S^2 / M = M (1 - (S/M)^2)            (Compind's ci_mpi, positive penalty)
-- where M and S are the mean and the standard deviation (n - 1) of the children: the
-- Mazziotta-Pareto index, which takes no weights and marks down a region by how unevenly it
-- scores (its coefficient of variation S/M). It is meant for z-scores on a positive scale
-- (Mazziotta and Pareto use mean 100 and sd 10: method.yaml refuses other normalisations); a
-- mean of 0 or less has no coefficient of variation, so no score. One child has no spread: its
-- score. The penalty is always the positive one (higher is better), since normalisation has
-- turned every indicator so that higher is better.
-- Missing children are left out by the caller, which renormalises the weights. The last three are
-- defined for scores of 0 or more (method.yaml refuses normalisations that can give negative
-- ones): a child scoring 0 makes a geometric or harmonic mean 0, its limit, where COINr stops.
-- fsum is a compensated sum, so that results agree with R's long-double sums to ~1e-16.

CREATE OR REPLACE MACRO weighted_mean(method, w, x, p) AS
  CASE
    WHEN fsum(w) = 0 THEN NULL
    WHEN method = 'arithmetic' THEN fsum(w * x) / fsum(w)
    WHEN method = 'mpi' THEN
      CASE WHEN fsum(x) > 0 THEN fsum(x) / count(x) - coalesce(var_samp(x), 0) / (fsum(x) / count(x)) END
    WHEN min(x) < 0 THEN NULL
    WHEN method = 'geometric' THEN
      CASE WHEN min(x) = 0 THEN 0 ELSE exp(fsum(w * ln(greatest(x, 1e-300))) / fsum(w)) END
    WHEN method = 'harmonic' THEN
      CASE WHEN min(x) = 0 THEN 0 ELSE fsum(w) / fsum(w / x) END
    WHEN method = 'generalised' THEN
      CASE WHEN min(x) = 0 AND p < 0 THEN 0 ELSE pow(fsum(w * pow(x, p)) / fsum(w), 1 / p) END
  END;
