-- Normalised scores: each indicator min-max scaled onto [$lower, $upper] after multiplying by
-- its direction, so that higher is always better (COINr's n_minx):
--   score = $lower + (x - min) / (max - min) * ($upper - $lower)
-- min and max are taken over all regions in the same year ($over = 'year'), or over all
-- regions and years together ($over = 'all', so that scores compare across time).
-- An indicator that does not vary has no scale: every region gets the middle of [lower, upper].
-- From indicators and framework.

CREATE TABLE normalised AS
WITH directed AS (
  SELECT i.region_code, i.year, i.indicator, i.value * f.direction AS x
  FROM indicators AS i
  JOIN framework AS f ON f.code = i.indicator
),
bounded AS (
  SELECT *,
    min(x) OVER scope AS lo,
    max(x) OVER scope AS hi
  FROM directed
  WINDOW scope AS (PARTITION BY indicator, CASE WHEN $over = 'year' THEN year END)
)
SELECT
  region_code,
  year,
  indicator AS node,
  CASE
    WHEN x IS NULL THEN NULL
    WHEN hi = lo THEN ($lower + $upper) / 2
    ELSE $lower + (x - lo) / (hi - lo) * ($upper - $lower)
  END AS score
FROM bounded;
