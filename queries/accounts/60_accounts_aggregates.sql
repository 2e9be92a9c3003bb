-- Accounts aggregates: the accounts of groups of regions, for the regional tables: each zone of
-- regions.csv (east, central, west, northeast: the NBS four-zone division) and 'regions', all
-- regions together. The nation (100000) is not a group: its accounts come from its own series.
--   amounts (亿元): the sum over the group's regions, on each price basis. Constant-price
--     amounts add up because all are at prices of the same base year (fixed base, not chained).
--   gfcf_share_gdp = sum of gfcf_nominal / sum of gdp * 100
--   stock_per_fte  = sum of closing stock * 1e4 / sum of fte, on each basis
-- A group's value is NULL in a year in which any of its regions lacks the value, since a
-- partial sum would pass for a total; regions_given says how many regions had one.
-- price_index has no aggregate. From accounts, accounts_series and regions.

CREATE TABLE accounts_aggregates AS
WITH groups AS (
  SELECT region_code, zone AS aggregate FROM regions
  UNION ALL
  SELECT region_code, 'regions' FROM regions
),
members AS (
  SELECT aggregate, count(*) AS regions FROM groups GROUP BY aggregate
),
amounts AS (
  SELECT g.aggregate, a.year, a.item, a.price_basis, a.unit, sum(a.value) AS value, count(a.value) AS regions_given
  FROM groups AS g
  JOIN accounts AS a USING (region_code)
  WHERE a.unit = '亿元'
  GROUP BY g.aggregate, a.year, a.item, a.price_basis, a.unit
),
denominators AS (
  SELECT g.aggregate, s.year, sum(s.gfcf_nominal) AS gfcf_nominal, sum(s.gdp) AS gdp, count(s.gdp) AS gdp_given,
    sum(s.fte) AS fte, count(s.fte) AS fte_given
  FROM groups AS g
  JOIN accounts_series AS s USING (region_code)
  GROUP BY g.aggregate, s.year
),
ratios AS (
  SELECT d.aggregate, d.year, 'gfcf_share_gdp' AS item, 'current' AS price_basis, '%' AS unit,
    d.gfcf_nominal / nullif(d.gdp, 0) * 100 AS value, d.gdp_given AS regions_given
  FROM denominators AS d
  UNION ALL
  SELECT a.aggregate, a.year, 'stock_per_fte', a.price_basis, '万元/人年',
    a.value * 1e4 / nullif(d.fte, 0), least(a.regions_given, d.fte_given)
  FROM amounts AS a
  JOIN denominators AS d USING (aggregate, year)
  WHERE a.item = 'closing_stock'
),
everything AS (
  SELECT * FROM amounts
  UNION ALL BY NAME
  SELECT * FROM ratios
)
SELECT
  e.aggregate,
  e.year,
  e.item,
  e.price_basis,
  CASE WHEN e.regions_given = m.regions THEN e.value END AS value,
  e.unit,
  CAST(e.regions_given AS INTEGER) AS regions_given,
  CAST(m.regions AS INTEGER) AS regions
FROM everything AS e
JOIN members AS m USING (aggregate)
ORDER BY e.aggregate, e.year, e.item, e.price_basis;
