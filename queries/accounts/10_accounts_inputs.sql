-- Accounts inputs: for every unit of account and year, the series the accounts are built from,
-- in the units the accounts publish:
--   expenditure  R&D expenditure (rd_expenditure), 亿元 at current prices
--   price_raw    the price index variable $price_index as given (any base)
--   gdp          gross regional product (gdp), 亿元 at current prices
--   fte          R&D personnel full-time equivalent (rd_fte), 人年
--   ocv          other changes in the volume of assets ($other_volume, 亿元 at current
--                prices); NULL when method.yaml names no such variable
-- Units of account: every region of regions.csv, and the nation ($national) when national
-- rows (全国) give R&D expenditure. Years: from the first to the last year in which any unit
-- has R&D expenditure, so that a unit's missing year shows as a row with NULLs (a break).
-- Money converts to 亿元 and person-years to 人年 through the scales of the units table.
-- From observations, regions and units.

CREATE TABLE accounts_inputs AS
WITH span AS (
  SELECT min(year) AS first_year, max(year) AS last_year
  FROM observations
  WHERE variable = 'rd_expenditure' AND value IS NOT NULL
),
units_of_account AS (
  SELECT region_code FROM regions
  UNION
  SELECT region_code FROM observations
  WHERE region_code = $national AND variable = 'rd_expenditure' AND value IS NOT NULL
),
grid AS (
  SELECT u.region_code, CAST(y.range AS INTEGER) AS year
  FROM units_of_account AS u
  CROSS JOIN span
  CROSS JOIN range(span.first_year, span.last_year + 1) AS y
),
converted AS (
  SELECT
    o.region_code,
    o.year,
    CASE
      WHEN o.variable = $price_index THEN 'price_raw'
      WHEN o.variable = 'rd_expenditure' THEN 'expenditure'
      WHEN o.variable = 'rd_fte' THEN 'fte'
      WHEN o.variable = $other_volume THEN 'ocv'
      ELSE o.variable
    END AS series,
    CASE
      WHEN o.variable = $price_index THEN o.value
      WHEN o.variable = 'rd_fte' THEN o.value * u.scale
      ELSE o.value * u.scale / 1e8
    END AS value
  FROM observations AS o
  LEFT JOIN units AS u ON u.unit = o.unit
  WHERE o.variable IN ('rd_expenditure', 'gdp', 'rd_fte', $price_index, $other_volume)
)
SELECT
  g.region_code,
  g.year,
  max(c.value) FILTER (WHERE c.series = 'expenditure') AS expenditure,
  max(c.value) FILTER (WHERE c.series = 'price_raw') AS price_raw,
  max(c.value) FILTER (WHERE c.series = 'gdp') AS gdp,
  max(c.value) FILTER (WHERE c.series = 'fte') AS fte,
  max(c.value) FILTER (WHERE c.series = 'ocv') AS ocv
FROM grid AS g
LEFT JOIN converted AS c USING (region_code, year)
GROUP BY g.region_code, g.year
ORDER BY g.region_code, g.year;
