-- Accounts national check: whether the regions add up to the national row, in every year in
-- which both are given (the national row from national observations, 全国, and every region
-- with a value). Compared are the amounts that are additive by definition and come straight
-- from the inputs: GFCF at current prices (R&D expenditure times the capitalisation share) and
-- GDP (the denominator of the GDP share). Stocks are not compared: the nation's perpetual
-- inventory starts from its own initial stock, which is not the sum of the regions' ones.
--   relative_difference = (regions_sum - national) / |national|
--   within_tolerance    = |relative_difference| <= $tolerance
-- The cell of the national value is carried along so that a break can name its file, row and
-- column. From accounts, accounts_aggregates, accounts_inputs, regions and observations.

CREATE TABLE accounts_national_check AS
WITH compared AS (
  SELECT 'gfcf' AS item, 'rd_expenditure' AS variable, n.year, n.value AS national, r.value AS regions_sum
  FROM accounts AS n
  JOIN accounts_aggregates AS r
    ON r.aggregate = 'regions' AND r.year = n.year AND r.item = n.item AND r.price_basis = n.price_basis
  WHERE n.region_code = $national AND n.item = 'gfcf' AND n.price_basis = 'current'
  UNION ALL
  SELECT 'gdp', 'gdp', n.year, n.gdp, sum(i.gdp)
  FROM accounts_inputs AS n
  JOIN accounts_inputs AS i ON i.year = n.year AND i.region_code IN (SELECT region_code FROM regions)
  WHERE n.region_code = $national AND n.gdp IS NOT NULL
  GROUP BY n.year, n.gdp
  HAVING count(i.gdp) = (SELECT count(*) FROM regions)
)
SELECT
  c.item,
  c.year,
  c.national,
  c.regions_sum,
  (c.regions_sum - c.national) / abs(c.national) AS relative_difference,
  abs(c.regions_sum - c.national) <= $tolerance * abs(c.national) AS within_tolerance,
  o.source_file,
  o.source_row,
  o.source_column
FROM compared AS c
LEFT JOIN observations AS o
  ON o.region_code = $national AND o.variable = c.variable AND o.year = c.year
WHERE c.regions_sum IS NOT NULL AND c.national <> 0
ORDER BY c.item, c.year;
