-- weighted_mean(method, w, x, p): the weighted mean of step 7 of the composite engine, used in a
-- GROUP BY over a node's children (63_aggregated_level.sql for the regions,
-- 64_national_aggregated_level.sql for the nation), so that both aggregate in exactly one way:
--   arithmetic   sum(w x) / sum(w)                        (COINr a_amean)
--   geometric    exp(sum(w ln x) / sum(w))                (a_gmean)
--   harmonic     sum(w) / sum(w / x)                      (a_hmean)
--   generalised  (sum(w x^p) / sum(w))^(1/p)              (a_genmean)
-- Missing children are left out by the caller, which renormalises the weights. The last three are
-- defined for scores of 0 or more (method.yaml refuses normalisations that can give negative
-- ones): a child scoring 0 makes a geometric or harmonic mean 0, its limit, where COINr stops.
-- fsum is a compensated sum, so that results agree with R's long-double sums to ~1e-16.

CREATE OR REPLACE MACRO weighted_mean(method, w, x, p) AS
  CASE
    WHEN fsum(w) = 0 THEN NULL
    WHEN method = 'arithmetic' THEN fsum(w * x) / fsum(w)
    WHEN min(x) < 0 THEN NULL
    WHEN method = 'geometric' THEN
      CASE WHEN min(x) = 0 THEN 0 ELSE exp(fsum(w * ln(greatest(x, 1e-300))) / fsum(w)) END
    WHEN method = 'harmonic' THEN
      CASE WHEN min(x) = 0 THEN 0 ELSE fsum(w) / fsum(w / x) END
    WHEN method = 'generalised' THEN
      CASE WHEN min(x) = 0 AND p < 0 THEN 0 ELSE pow(fsum(w * pow(x, p)) / fsum(w), 1 / p) END
  END;
