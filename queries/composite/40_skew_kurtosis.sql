-- Skewness and kurtosis macros: the sample estimators of "type 2" (e1071::skewness/kurtosis with
-- type = 2, what spreadsheet programs compute and COINr's skew() and kurt() use), from a series'
-- count n and its sums of squared, cubed and fourth-power deviations from the mean:
--   skew = sqrt(n) * m3 / m2^1.5 * sqrt(n (n - 1)) / (n - 2)
--   kurt = ((n + 1) (r - 3) + 6) (n - 1) / ((n - 2) (n - 3)),  r = n * m4 / m2^2
-- Written in the order COINr evaluates them. NULL where undefined: fewer than 3 (skew) or 4
-- (kurtosis) values, or no spread at all.
-- Reference: COINr 1.1.14, R/treat.R (skew, kurt, check_SkewKurt).

CREATE MACRO skew_type2(n, m2, m3) AS
  CASE WHEN n >= 3 AND m2 > 0 THEN sqrt(n) * m3 / pow(m2, 1.5) * sqrt(n * (n - 1)) / (n - 2) END;

CREATE MACRO kurtosis_type2(n, m2, m4) AS
  CASE WHEN n >= 4 AND m2 > 0 THEN ((n + 1) * (n * m4 / (m2 * m2) - 3) + 6) * (n - 1) / ((n - 2) * (n - 3)) END;
