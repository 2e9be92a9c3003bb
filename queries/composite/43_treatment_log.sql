-- Treatment log: for each indicator and year that outlier treatment looked at, the skewness and
-- kurtosis before treatment, after winsorisation and after the log fallback, whether each passed
-- (|skew| < treat.skew OR kurtosis < treat.kurtosis), how many points were winsorised, and
-- whether the series was log-transformed instead. A series that fails after winsorising up to
-- winmax points is log-transformed from its ORIGINAL values (the winsorised ones are dropped):
--   ln(x - min + 0.01 (max - min))          (COINr's log_CT)
-- The columns follow COINr's Treat() details table (check_SkewKurt0/1/2, winsorise.nwin).
-- Reference: COINr 1.1.14, R/treat.R (Treat.numeric, winsorise, log_CT).
-- From treat_points after the last winsorisation step.

CREATE TABLE treatment_log AS
WITH points AS (
  SELECT
    *,
    min(original) OVER series AS lo,
    max(original) OVER series AS hi
  FROM treat_points
  WINDOW series AS (PARTITION BY indicator, year)
),
logged AS (
  -- ln(0) would be an error: at the minimum the argument is 0.01 (max - min), which is 0 only
  -- for a series without spread (which passes) or one so tiny that 0.01 of it underflows.
  SELECT *, ln(CASE WHEN original - lo + 0.01 * (hi - lo) > 0 THEN original - lo + 0.01 * (hi - lo) END) AS log_x
  FROM points
),
centred AS (
  SELECT
    p.indicator,
    p.year,
    p.original - favg(p.original) OVER series AS d0,
    p.x - favg(p.x) OVER series AS d1,
    l.log_x - favg(l.log_x) OVER series AS d2,
    p.winsorised
  FROM points AS p
  LEFT JOIN logged AS l USING (region_code, year, indicator)
  WINDOW series AS (PARTITION BY p.indicator, p.year)
),
moments AS (
  SELECT
    indicator,
    year,
    count(*) AS n,
    fsum(d0 * d0) AS a2, fsum(d0 * d0 * d0) AS a3, fsum((d0 * d0) * (d0 * d0)) AS a4,
    fsum(d1 * d1) AS b2, fsum(d1 * d1 * d1) AS b3, fsum((d1 * d1) * (d1 * d1)) AS b4,
    fsum(d2 * d2) AS c2, fsum(d2 * d2 * d2) AS c3, fsum((d2 * d2) * (d2 * d2)) AS c4,
    count(winsorised) AS winsorised
  FROM centred
  GROUP BY indicator, year
),
checked AS (
  SELECT
    indicator,
    year,
    n,
    skew_type2(n, a2, a3) AS skew_before,
    kurtosis_type2(n, a2, a4) AS kurtosis_before,
    winsorised,
    skew_type2(n, b2, b3) AS skew_winsorised,
    kurtosis_type2(n, b2, b4) AS kurtosis_winsorised,
    skew_type2(n, c2, c3) AS skew_log,
    kurtosis_type2(n, c2, c4) AS kurtosis_log
  FROM moments
),
passed AS (
  SELECT
    *,
    NOT coalesce(abs(skew_before) >= $skew AND kurtosis_before >= $kurtosis, false) AS passed_before,
    NOT coalesce(abs(skew_winsorised) >= $skew AND kurtosis_winsorised >= $kurtosis, false) AS passed_winsorised,
    NOT coalesce(abs(skew_log) >= $skew AND kurtosis_log >= $kurtosis, false) AS passed_log
  FROM checked
)
SELECT
  indicator,
  year,
  n,
  skew_before,
  kurtosis_before,
  passed_before,
  winsorised,
  CASE WHEN NOT passed_before THEN skew_winsorised END AS skew_winsorised,
  CASE WHEN NOT passed_before THEN kurtosis_winsorised END AS kurtosis_winsorised,
  CASE WHEN NOT passed_before THEN passed_winsorised END AS passed_winsorised,
  NOT passed_winsorised AND $log AS log_transformed,
  CASE WHEN NOT passed_winsorised AND $log THEN skew_log END AS skew_log,
  CASE WHEN NOT passed_winsorised AND $log THEN kurtosis_log END AS kurtosis_log,
  CASE WHEN NOT passed_winsorised AND $log THEN passed_log END AS passed_log
FROM passed
ORDER BY year, indicator;
