-- National indicators as treated: the national value of each indicator and year that screening
-- kept, put through the treatment of the regions' series so that it stays comparable with their
-- treated values: where treatment_log log-transformed the series, ln(x - min + 0.01 (max - min))
-- with the min and max of the regions' original values (COINr's log_CT); winsorisation clips
-- the regions' own outliers and leaves the national value as it is.
-- From national_indicators, indicator_screening, treat_points and treatment_log.

CREATE TABLE national_treated AS
WITH series AS (
  SELECT indicator, year, min(original) AS lo, max(original) AS hi
  FROM treat_points
  GROUP BY indicator, year
)
SELECT
  n.year,
  n.indicator,
  CASE
    WHEN t.log_transformed IS NOT TRUE THEN n.value
    WHEN n.value - s.lo + 0.01 * (s.hi - s.lo) > 0 THEN ln(n.value - s.lo + 0.01 * (s.hi - s.lo))
  END AS value
FROM national_indicators AS n
JOIN indicator_screening AS k USING (indicator, year)
LEFT JOIN treatment_log AS t USING (indicator, year)
LEFT JOIN series AS s USING (indicator, year)
WHERE k.kept
ORDER BY n.year, n.indicator;
