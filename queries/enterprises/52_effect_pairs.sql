-- The sums a difference in differences is made of: for each outcome, cell, bootstrap group,
-- cohort and pair of years (t, b), the enterprises observed in both years (n) and the sum of
-- their changes Y_t - Y_b (s). b runs over the base years, the year before each cohort was
-- certified (g - 1), and t over the years of the panel. For an enterprise observed every year
-- of its outcome the change sums are differences of year sums, so those enterprises are summed
-- by year first (few rows); the others are paired year by year.
-- From effect_outcomes.

CREATE TABLE effect_pairs AS
WITH panel AS (
  SELECT outcome, count(DISTINCT year) AS years, min(year) AS first, max(year) AS last
  FROM effect_outcomes
  GROUP BY outcome
),
bases AS (
  SELECT DISTINCT o.outcome, o.cohort - 1 AS base
  FROM effect_outcomes AS o
  JOIN panel AS p USING (outcome)
  WHERE o.cohort <> 9999 AND o.cohort - 1 >= p.first AND o.cohort <= p.last
),
complete AS (
  SELECT outcome, enterprise_id, count(*) = any_value(p.years) AS complete
  FROM effect_outcomes
  JOIN panel AS p USING (outcome)
  GROUP BY outcome, enterprise_id
),
marked AS (
  SELECT o.*, c.complete
  FROM effect_outcomes AS o
  JOIN complete AS c USING (outcome, enterprise_id)
),
year_sums AS (
  SELECT outcome, stratum, bucket, cohort, year, count(*) AS n, sum(value) AS s
  FROM marked
  WHERE complete
  GROUP BY ALL
),
from_complete AS (
  SELECT t.outcome, t.stratum, t.bucket, t.cohort, t.year AS t, b.year AS b, t.n, t.s - b.s AS s
  FROM year_sums AS t
  JOIN bases AS k ON k.outcome = t.outcome AND k.base <> t.year
  JOIN year_sums AS b
    ON b.outcome = t.outcome AND b.stratum = t.stratum AND b.bucket = t.bucket AND b.cohort = t.cohort AND b.year = k.base
),
from_incomplete AS (
  SELECT t.outcome, t.stratum, t.bucket, t.cohort, t.year AS t, b.year AS b, count(*) AS n, sum(t.value - b.value) AS s
  FROM marked AS t
  JOIN bases AS k ON k.outcome = t.outcome AND k.base <> t.year
  JOIN marked AS b ON b.outcome = t.outcome AND b.enterprise_id = t.enterprise_id AND b.year = k.base
  WHERE NOT t.complete
  GROUP BY ALL
)
SELECT outcome, stratum, bucket, cohort, t, b, sum(n) AS n, sum(s) AS s
FROM (SELECT * FROM from_complete UNION ALL SELECT * FROM from_incomplete)
GROUP BY ALL;
