-- Accounts series: the flows of R&D capital formation for every unit of account, over the
-- years its accounts cover. Definitions (SNA 2008 §10.98 and §10.103: R&D is gross fixed
-- capital formation in intellectual property products, valued at its production costs, which
-- R&D expenditure measures; China has recorded it so since 2016):
--   B               the base year: $base_year, or the first year of accounts_inputs when NULL
--   P_t             the price index rebased to the base year, P_t = 100 * price_raw_t / price_raw_B,
--                   each unit with its own index (the national row with the national one)
--   gfcf_nominal_t  = $share * R&D expenditure_t                (亿元, current prices)
--   gfcf_real_t     = gfcf_nominal_t * 100 / P_t                (亿元, constant prices of B)
--   ocv_nominal_t   = the other changes in volume given, or 0   (亿元, current prices)
--   ocv_real_t      = ocv_nominal_t * 100 / P_t
-- A year is usable when both R&D expenditure and P_t are known. A unit's accounts run from its
-- first usable year up to the year before the next unusable one: the perpetual inventory
-- cannot jump a gap, so the years after a break are left out and listed in accounts_breaks.
-- t counts the years of the series from 0. From accounts_inputs and accounts_parameters.

CREATE TABLE accounts_series AS
WITH base AS (
  SELECT coalesce($base_year, min(year)) AS base_year FROM accounts_inputs
),
rebased AS (
  SELECT
    i.*,
    base.base_year,
    100 * i.price_raw / nullif(b.price_raw, 0) AS price,
    i.expenditure IS NOT NULL AND i.price_raw IS NOT NULL AND coalesce(b.price_raw, 0) > 0 AS usable
  FROM accounts_inputs AS i
  CROSS JOIN base
  LEFT JOIN accounts_inputs AS b ON b.region_code = i.region_code AND b.year = base.base_year
),
starts AS (
  SELECT region_code, min(year) AS first_year
  FROM rebased
  WHERE usable
  GROUP BY region_code
),
runs AS (
  SELECT
    s.region_code,
    s.first_year,
    coalesce(min(r.year) FILTER (WHERE NOT r.usable AND r.year > s.first_year) - 1, max(r.year)) AS last_year
  FROM starts AS s
  JOIN rebased AS r USING (region_code)
  GROUP BY s.region_code, s.first_year
)
SELECT
  r.region_code,
  r.year,
  r.year - runs.first_year AS t,
  r.base_year,
  r.price,
  $share * r.expenditure AS gfcf_nominal,
  $share * r.expenditure * 100 / r.price AS gfcf_real,
  coalesce(r.ocv, 0) AS ocv_nominal,
  coalesce(r.ocv, 0) * 100 / r.price AS ocv_real,
  r.gdp,
  r.fte,
  p.depreciation
FROM rebased AS r
JOIN runs ON runs.region_code = r.region_code AND r.year BETWEEN runs.first_year AND runs.last_year
JOIN accounts_parameters AS p ON p.region_code = r.region_code
ORDER BY r.region_code, r.year;
