-- Problems: rows of the asset account that do not balance. On every row, on each price basis,
--   closing_stock = opening_stock + gfcf - cfc + other_volume_changes + revaluation
-- (SNA 2008 ch. 13), and at current prices a year's opening stock equals the previous year's
-- closing stock. Both hold by construction (50_accounts_values.sql computes revaluation from the
-- price change, not as the balancing item), so a row here means the computation is wrong.
-- Differences below 1e-9 of the stock are rounding. From accounts.

WITH rows AS (
  SELECT
    region_code,
    year,
    price_basis,
    max(value) FILTER (WHERE item = 'opening_stock') AS opening,
    max(value) FILTER (WHERE item = 'gfcf') AS gfcf,
    max(value) FILTER (WHERE item = 'cfc') AS cfc,
    max(value) FILTER (WHERE item = 'other_volume_changes') AS ocv,
    max(value) FILTER (WHERE item = 'revaluation') AS revaluation,
    max(value) FILTER (WHERE item = 'closing_stock') AS closing
  FROM accounts
  WHERE price_basis <> 'index'
  GROUP BY region_code, year, price_basis
),
balanced AS (
  SELECT *,
    opening + gfcf - cfc + ocv + revaluation AS implied,
    lag(closing) OVER (PARTITION BY region_code, price_basis ORDER BY year) AS previous_closing,
    lag(year) OVER (PARTITION BY region_code, price_basis ORDER BY year) AS previous_year
  FROM rows
)
SELECT
  region_code,
  year,
  price_basis,
  'closing stock ' || printf('%.6f', closing) || ' but opening + GFCF - CFC + other changes + revaluation = '
    || printf('%.6f', implied) AS found,
  'closing stock = opening stock + GFCF - CFC + other changes in volume + revaluation' AS expected
FROM balanced
WHERE implied IS NULL OR closing IS NULL OR abs(closing - implied) > 1e-9 * greatest(abs(closing), 1)
UNION ALL
SELECT
  region_code,
  year,
  price_basis,
  'opening stock ' || printf('%.6f', opening) || ' but the closing stock of ' || previous_year || ' is '
    || printf('%.6f', previous_closing),
  'a year''s opening stock equal to the previous year''s closing stock'
FROM balanced
WHERE previous_year = year - 1 AND abs(opening - previous_closing) > 1e-9 * greatest(abs(opening), 1)
ORDER BY region_code, year, price_basis;
