-- Accounts stock: the perpetual inventory of R&D capital at constant prices of the base year,
-- for every unit of account and year of its series (OECD, Measuring Capital, 2009, "Computing
-- net, gross and productive capital stocks and depreciation", geometric depreciation):
--   opening_t  = K_open (accounts_initial) for t = 0, else closing_{t-1}
--   cfc_t      = d * opening_t          consumption of fixed capital (SNA 2008 §6.240)
--   closing_t  = (1 - d) * opening_t + gfcf_real_t + ocv_real_t
-- which is the design's K_t = (1 - d) K_{t-1} + I_t with K_{t-1} the opening stock and
-- CFC_t = d K_{t-1}. GFCF and other changes in volume are taken to arrive at the end of the
-- year, so they are not depreciated in the year they arrive. From accounts_series and
-- accounts_initial.

CREATE TABLE accounts_stock AS
WITH RECURSIVE pim AS (
  SELECT
    s.region_code,
    s.year,
    s.t,
    i.opening_stock AS opening,
    s.depreciation * i.opening_stock AS cfc,
    (1 - s.depreciation) * i.opening_stock + s.gfcf_real + s.ocv_real AS closing
  FROM accounts_series AS s
  JOIN accounts_initial AS i ON i.region_code = s.region_code
  WHERE s.t = 0 AND i.opening_stock IS NOT NULL
  UNION ALL
  SELECT
    s.region_code,
    s.year,
    s.t,
    p.closing,
    s.depreciation * p.closing,
    (1 - s.depreciation) * p.closing + s.gfcf_real + s.ocv_real
  FROM pim AS p
  JOIN accounts_series AS s ON s.region_code = p.region_code AND s.t = p.t + 1
)
SELECT region_code, year, t, opening, cfc, closing
FROM pim
ORDER BY region_code, year;
