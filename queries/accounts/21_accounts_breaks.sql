-- Accounts breaks: every year of a unit of account that its accounts do not cover, and why,
-- so that a shortened series is always footnoted, never silent. kind is
--   'start'  a year before the unit's series begins (its data start later than others');
--   'break'  a year without R&D expenditure or price index after the series began, or any year
--            of a unit that has no usable year at all;
--   'after'  a year after a break (break_year), left out because the perpetual inventory
--            cannot jump a gap.
-- The flags say what is missing in the year: R&D expenditure, the price index, or the price
-- index of the base year (without which the unit's index cannot be rebased). The base year is
-- found as in accounts_series. From accounts_inputs and accounts_series.

CREATE TABLE accounts_breaks AS
WITH bounds AS (
  SELECT region_code, min(year) AS first_year, max(year) AS last_year
  FROM accounts_series
  GROUP BY region_code
),
base AS (
  SELECT coalesce($base_year, min(year)) AS base_year FROM accounts_inputs
),
base_price AS (
  SELECT i.region_code, bool_or(i.year = base.base_year AND i.price_raw > 0) AS given
  FROM accounts_inputs AS i
  CROSS JOIN base
  GROUP BY i.region_code
)
SELECT
  i.region_code,
  i.year,
  CASE
    WHEN b.first_year IS NOT NULL AND i.year < b.first_year THEN 'start'
    WHEN b.last_year IS NOT NULL AND i.year > b.last_year + 1 THEN 'after'
    ELSE 'break'
  END AS kind,
  i.expenditure IS NULL AS no_expenditure,
  i.price_raw IS NULL AS no_price_index,
  NOT coalesce(p.given, false) AS no_base_price,
  CASE WHEN i.year > b.last_year + 1 THEN b.last_year + 1 END AS break_year
FROM accounts_inputs AS i
LEFT JOIN bounds AS b USING (region_code)
LEFT JOIN base_price AS p USING (region_code)
WHERE NOT EXISTS (
  SELECT 1 FROM accounts_series AS s WHERE s.region_code = i.region_code AND s.year = i.year
)
ORDER BY i.region_code, i.year;
