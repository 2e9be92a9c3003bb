-- Accounts values: the asset account of R&D capital (intellectual property products) for every
-- unit of account and year, at current prices and at constant prices of the base year B, and
-- the memorandum items. With P_t the price index (B = 100), P_prev = P_{t-1}, or P_t in the
-- first year (the initial stock is valued at first-year prices), and the constant-price
-- opening, cfc, closing of accounts_stock:
--   item                   constant_B (亿元)        current (亿元)
--   opening_stock          opening                  opening * P_prev / 100
--   gfcf                   gfcf_real                gfcf_nominal
--   cfc                    cfc                      cfc * P_t / 100
--   other_volume_changes   ocv_real                 ocv_real * P_t / 100 (= ocv_nominal)
--   revaluation            0                        opening * (P_t - P_prev) / 100
--   closing_stock          closing                  closing * P_t / 100
--   net_capital_formation  gfcf - cfc, on each basis
-- so that on each basis closing = opening + gfcf - cfc + other_volume_changes + revaluation
-- (SNA 2008 ch. 13: a closing balance sheet is the opening one plus transactions, other
-- changes in volume and revaluation; checks/identity.sql verifies it on every row), and this
-- year's current opening stock is last year's current closing stock.
-- Revaluation is the nominal holding gain (SNA 2008 ch. 12) on the opening stock: flows and
-- closing stock are valued at the same annual index P_t, so the flows carry no holding gain.
-- Other changes in volume (SNA 2008 ch. 12) are zero unless method.yaml names a variable that
-- gives them (accounts.other_volume_changes).
-- Memorandum items:
--   stock_per_fte   closing stock per R&D full-time equivalent, 万元/人年 = closing * 1e4 / fte,
--                   on each basis
--   gfcf_share_gdp  GFCF in IP products (R&D) as a share of GDP, % = gfcf_nominal / gdp * 100
--   price_index     P_t, basis 'index', unit 'B=100'
-- From accounts_series and accounts_stock.

INSERT INTO accounts
WITH priced AS (
  SELECT
    s.region_code,
    s.year,
    s.base_year,
    s.price,
    coalesce(lag(s.price) OVER (PARTITION BY s.region_code ORDER BY s.year), s.price) AS price_prev,
    s.gfcf_nominal,
    s.gfcf_real,
    s.ocv_real,
    s.gdp,
    s.fte,
    k.opening,
    k.cfc,
    k.closing
  FROM accounts_series AS s
  JOIN accounts_stock AS k USING (region_code, year)
)
SELECT p.region_code, p.year, e.item, e.price_basis, e.value, e.unit
FROM priced AS p
CROSS JOIN LATERAL (VALUES
  ('opening_stock',         'constant_' || p.base_year, p.opening,                                  '亿元'),
  ('gfcf',                  'constant_' || p.base_year, p.gfcf_real,                                '亿元'),
  ('cfc',                   'constant_' || p.base_year, p.cfc,                                      '亿元'),
  ('other_volume_changes',  'constant_' || p.base_year, p.ocv_real,                                 '亿元'),
  ('revaluation',           'constant_' || p.base_year, 0.0,                                        '亿元'),
  ('closing_stock',         'constant_' || p.base_year, p.closing,                                  '亿元'),
  ('net_capital_formation', 'constant_' || p.base_year, p.gfcf_real - p.cfc,                        '亿元'),
  ('stock_per_fte',         'constant_' || p.base_year, p.closing * 1e4 / nullif(p.fte, 0),         '万元/人年'),
  ('opening_stock',         'current',                  p.opening * p.price_prev / 100,             '亿元'),
  ('gfcf',                  'current',                  p.gfcf_nominal,                             '亿元'),
  ('cfc',                   'current',                  p.cfc * p.price / 100,                      '亿元'),
  ('other_volume_changes',  'current',                  p.ocv_real * p.price / 100,                 '亿元'),
  ('revaluation',           'current',                  p.opening * (p.price - p.price_prev) / 100, '亿元'),
  ('closing_stock',         'current',                  p.closing * p.price / 100,                  '亿元'),
  ('net_capital_formation', 'current',                  p.gfcf_nominal - p.cfc * p.price / 100,     '亿元'),
  ('stock_per_fte',         'current',                  p.closing * p.price / 100 * 1e4 / nullif(p.fte, 0), '万元/人年'),
  ('gfcf_share_gdp',        'current',                  p.gfcf_nominal / nullif(p.gdp, 0) * 100,    '%'),
  ('price_index',           'index',                    p.price,                                    p.base_year || '=100')
) AS e(item, price_basis, value, unit)
ORDER BY p.region_code, p.year, e.item, e.price_basis;
