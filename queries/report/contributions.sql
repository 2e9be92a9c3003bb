-- Contributions by node: the points of a region's index each indicator brings (the composite
-- engine's contributions, composite/83_contributions.sql: region weight x normalised score) and,
-- summed over its indicators, each node above them; so the nodes of one level add up to the
-- index. For the strengths and weaknesses and the indicator table of the region pages, which
-- show the latest year (every year's contributions of the indicators are in
-- data/contributions.csv).
-- From contributions, framework and regions.

WITH RECURSIVE up AS (
  SELECT region_code, year, indicator AS node, weight, contribution
  FROM contributions
  WHERE year = (SELECT max(x.year) FROM scores AS x JOIN framework AS f ON f.code = x.node WHERE f.parent IS NULL)
  UNION ALL
  SELECT u.region_code, u.year, f.parent, u.weight, u.contribution
  FROM up AS u
  JOIN framework AS f ON f.code = u.node
  WHERE f.parent IS NOT NULL
)
SELECT
  u.region_code,
  u.year,
  u.node,
  f.level,
  sum(u.weight) AS index_weight,
  sum(u.contribution) AS contribution
FROM up AS u
JOIN framework AS f ON f.code = u.node
JOIN regions AS r USING (region_code)
WHERE f.parent IS NOT NULL
GROUP BY u.region_code, u.year, u.node, f.level
ORDER BY u.region_code, u.year, f.level DESC, u.node;
