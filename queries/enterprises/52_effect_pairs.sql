-- The sums a difference in differences is made of: for each outcome, cell, bootstrap group,
-- cohort and pair of years (t, b), the enterprises observed in both years (n) and the sum of
-- their changes Y_t - Y_b (s). b runs over the base years, the year before each cohort was
-- certified (g - 1), and t over the other years of the panel.
--
-- Pairing every enterprise's years would make (years x bases) rows per enterprise. Instead the
-- sums are those of the year totals less what the enterprises missing one of the two years
-- add to the other (the panel's gaps are few):
--   n(t, b) = N_t - #(observed in t, missing in b)
--   s(t, b) = (S_t - sum of Y_t over those observed in t, missing in b)
--           - (S_b - sum of Y_b over those observed in b, missing in t)
-- where N_y and S_y count and sum the enterprises observed in y. An enterprise misses a year
-- when the outcome has values in that year for others but not for it.
-- From effect_outcomes.

CREATE TABLE effect_pairs AS
WITH year_sums AS MATERIALIZED (
  SELECT outcome, stratum, bucket, cohort, year, count(*) AS n, sum(value) AS s
  FROM effect_outcomes
  GROUP BY ALL
),
years AS (
  SELECT DISTINCT outcome, year FROM year_sums
),
panel AS (
  SELECT outcome, count(*) AS years, min(year) AS first, max(year) AS last
  FROM years
  GROUP BY outcome
),
bases AS (
  SELECT DISTINCT u.outcome, u.cohort - 1 AS base
  FROM year_sums AS u
  JOIN panel AS p USING (outcome)
  WHERE u.cohort <> 9999 AND u.cohort - 1 >= p.first AND u.cohort <= p.last
),
-- The panel's years, each saying whether it is a base year.
panel_years AS (
  SELECT y.outcome, y.year, y.year IN (SELECT k.base FROM bases AS k WHERE k.outcome = y.outcome) AS is_base
  FROM years AS y
),
-- The enterprises with gaps, each with the years it was observed in and its values.
gapped AS MATERIALIZED (
  SELECT o.outcome, o.unit, any_value(o.stratum) AS stratum, any_value(o.bucket) AS bucket, any_value(o.cohort) AS cohort, list(o.year) AS seen, list(o.value) AS values
  FROM effect_outcomes AS o
  JOIN panel AS p USING (outcome)
  GROUP BY o.outcome, o.unit
  HAVING count(*) < any_value(p.years)
),
-- Their observations, and their gaps (the years of the panel they were not observed in).
gapped_observed AS (
  SELECT o.*, y.is_base
  FROM (SELECT outcome, unit, unnest(seen) AS year, unnest(values) AS value FROM gapped) AS o
  JOIN panel_years AS y USING (outcome, year)
),
missing AS (
  SELECT g.outcome, g.unit, g.stratum, g.bucket, g.cohort, y.year, y.is_base
  FROM gapped AS g
  JOIN panel_years AS y USING (outcome)
  WHERE NOT list_contains(g.seen, y.year)
),
-- Each gap with each observation of the same enterprise.
gap_pairs AS (
  SELECT m.outcome, m.stratum, m.bucket, m.cohort, m.year AS missed, m.is_base AS missed_base, o.year AS seen, o.is_base AS seen_base, o.value
  FROM missing AS m
  JOIN gapped_observed AS o ON o.outcome = m.outcome AND o.unit = m.unit
  WHERE m.is_base OR o.is_base
),
-- Observed in t, missing in the base b: what N_t and S_t hold that the pair (t, b) does not.
missing_base AS (
  SELECT outcome, stratum, bucket, cohort, seen AS t, missed AS b, count(*) AS n, sum(value) AS s
  FROM gap_pairs
  WHERE missed_base
  GROUP BY ALL
),
-- Observed in the base b, missing in t: what N_b and S_b hold that the pair does not.
missing_year AS (
  SELECT outcome, stratum, bucket, cohort, missed AS t, seen AS b, count(*) AS n, sum(value) AS s
  FROM gap_pairs
  WHERE seen_base
  GROUP BY ALL
)
SELECT
  t.outcome, t.stratum, t.bucket, t.cohort, t.year AS t, b.year AS b,
  t.n - coalesce(mb.n, 0) AS n,
  (t.s - coalesce(mb.s, 0)) - (b.s - coalesce(my.s, 0)) AS s
FROM year_sums AS t
JOIN bases AS k ON k.outcome = t.outcome AND k.base <> t.year
JOIN year_sums AS b
  ON b.outcome = t.outcome AND b.stratum = t.stratum AND b.bucket = t.bucket AND b.cohort = t.cohort AND b.year = k.base
LEFT JOIN missing_base AS mb
  ON mb.outcome = t.outcome AND mb.stratum = t.stratum AND mb.bucket = t.bucket AND mb.cohort = t.cohort AND mb.t = t.year AND mb.b = b.year
LEFT JOIN missing_year AS my
  ON my.outcome = t.outcome AND my.stratum = t.stratum AND my.bucket = t.bucket AND my.cohort = t.cohort AND my.t = t.year AND my.b = b.year
WHERE t.n - coalesce(mb.n, 0) > 0;
