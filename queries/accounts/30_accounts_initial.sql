-- Accounts initial stock: for every unit of account, the stock of R&D capital at the start of
-- its first year t = 0, in constant prices (Griliches 1980; Hall and Mairesse 1995; OECD,
-- Measuring Capital, 2009, "The perpetual inventory method – overview"):
--   n       = the number of annual growth rates averaged: $growth_years, or fewer when the
--             series is shorter (n = years - 1); n = 0 for a one-year series
--   g       = (gfcf_real_n / gfcf_real_0)^(1/n) - 1, the geometric mean real growth of GFCF over
--             the first n years; 0 when n = 0
--   K_open  = gfcf_real_0 / (g + d)
-- Why this is the opening stock: had GFCF grown at g for ever before t = 0, the stock at the end
-- of year -1 would be sum over s >= 1 of (1 - d)^(s-1) * gfcf_real_0 / (1 + g)^s
-- = gfcf_real_0 / (g + d). It is the design's K_0 = I_0 / (g + d), read as the stock the first
-- year opens with, so that the first year has a full asset account.
-- K_open is NULL when g + d <= 0 or gfcf_real_0 <= 0: no steady state gives such a stock, and
-- checks/initial_stock.sql reports it. From accounts_series.

CREATE TABLE accounts_initial AS
WITH lengths AS (
  SELECT region_code, CAST(least($growth_years, count(*) - 1) AS INTEGER) AS growth_years
  FROM accounts_series
  GROUP BY region_code
),
growth AS (
  SELECT
    l.region_code,
    first_year.year AS first_year,
    first_year.gfcf_real AS gfcf_real_0,
    l.growth_years,
    first_year.depreciation,
    CASE
      WHEN l.growth_years = 0 THEN 0
      WHEN first_year.gfcf_real > 0 AND last_year.gfcf_real > 0
        THEN power(last_year.gfcf_real / first_year.gfcf_real, 1 / l.growth_years) - 1
    END AS growth
  FROM lengths AS l
  JOIN accounts_series AS first_year ON first_year.region_code = l.region_code AND first_year.t = 0
  JOIN accounts_series AS last_year ON last_year.region_code = l.region_code AND last_year.t = l.growth_years
)
SELECT
  region_code,
  first_year,
  gfcf_real_0,
  growth_years,
  growth,
  depreciation,
  CASE WHEN growth + depreciation > 0 AND gfcf_real_0 > 0 THEN gfcf_real_0 / (growth + depreciation) END AS opening_stock
FROM growth
ORDER BY region_code;
