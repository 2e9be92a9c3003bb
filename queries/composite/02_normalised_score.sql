-- normalised_score(method, x, value, lo, hi, mean, sd, n, r, goal, ref, direction, l, u, zm, zs): the
-- score of one directed value x (value before the direction) on its indicator's scale, by the
-- (zm, zs: the mean and standard deviation zscore gives its scores)
-- methods of step 5 of the composite engine; the formulas and their COINr names are in the header
-- of 50_normalised_methods.sql. Defined once so that the regions (50_normalised_methods.sql) and
-- the nation (52_national_aggregated.sql) are normalised in exactly the same way.

CREATE OR REPLACE MACRO normalised_score(method, x, value, lo, hi, mean, sd, n, r, goal, ref, direction, l, u, zm, zs) AS
  CASE
    WHEN x IS NULL THEN NULL
    WHEN method = 'minmax' THEN
      CASE WHEN hi = lo THEN (l + u) / 2 ELSE (x - lo) / (hi - lo) * (u - l) + l END
    WHEN method = 'zscore' THEN
      CASE WHEN n < 2 OR sd = 0 THEN zm ELSE (x - mean) / sd * zs + zm END
    WHEN method = 'rank' THEN r
    WHEN method = 'borda' THEN r - 1
    WHEN method = 'fraction_of_max' THEN
      CASE WHEN hi = 0 THEN NULL ELSE x / hi END
    WHEN method = 'percentile' THEN
      CASE WHEN n < 2 THEN (l + u) / 2 ELSE (r - 1) / (n - 1) * (u - l) + l END
    WHEN method = 'distance_to_max' THEN
      CASE WHEN hi = lo THEN (l + u) / 2 ELSE (1 - (hi - x) / (hi - lo)) * (u - l) + l END
    WHEN method = 'target' THEN
      CASE WHEN goal = lo THEN (l + u) / 2 ELSE least(1, 1 - (goal - x) / (goal - lo)) * (u - l) + l END
    WHEN method = 'reference' THEN
      CASE
        WHEN ref <= 0 THEN NULL
        WHEN direction = 1 THEN 100 * value / ref
        WHEN value > 0 THEN 100 * ref / value
      END
  END;
