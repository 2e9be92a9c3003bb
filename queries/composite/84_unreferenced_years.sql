-- Unreferenced years: the years of the indicators in which the index has no reference score for
-- any region (with reference: national, a national total missing that year), so no performance
-- groups; the build log and manifest.json name them, since no other reference stands in.
-- From indicators, framework and performance_groups.

CREATE TABLE unreferenced_years AS
SELECT DISTINCT year
FROM indicators
WHERE year NOT IN (
  SELECT year
  FROM performance_groups
  WHERE level = (SELECT max(level) FROM framework) AND reference_score IS NOT NULL
)
ORDER BY year;
