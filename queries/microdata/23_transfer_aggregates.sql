-- Transfer aggregates: patent assignments and licences for every region and year, from
-- transfer_yearly (22_transfer_yearly.sql). Adds them to transfer_aggregates:
--   patent_transfers_licences = all recordals of the year (次);
--   patent_assignments, patent_licences = the recordals of each kind (次);
--   patent_transfer_value = the stated contract values added up (万元; missing when the year
--   has recordals but none states a value). Only the variables the codebook declares are
--   kept (90_observations_raw.sql).
-- Every region with a recordal gets a value in every year of the register (0 in a year without
-- one); a region with none gets no value (missing, not zero).
-- Portable SQL (CASE, COALESCE, VALUES).

INSERT INTO transfer_aggregates (region_code, year, variable, value, unit, source_column)
WITH region_years AS (
  SELECT r.region_code, y.year
  FROM (SELECT DISTINCT region_code FROM transfer_yearly) AS r
  CROSS JOIN (SELECT DISTINCT year FROM transfer_yearly) AS y
),
yearly AS (
  SELECT
    ry.region_code,
    ry.year,
    COALESCE(t.recordals, 0) AS recordals,
    COALESCE(t.assignments, 0) AS assignments,
    COALESCE(t.licences, 0) AS licences,
    CASE WHEN t.recordals IS NULL THEN 0 ELSE t.contract_value END AS contract_value
  FROM region_years AS ry
  LEFT JOIN transfer_yearly AS t ON t.region_code = ry.region_code AND t.year = ry.year
)
SELECT
  y.region_code,
  y.year,
  v.variable,
  CASE v.variable
    WHEN 'patent_transfers_licences' THEN y.recordals
    WHEN 'patent_assignments' THEN y.assignments
    WHEN 'patent_licences' THEN y.licences
    WHEN 'patent_transfer_value' THEN y.contract_value
  END AS value,
  v.unit,
  v.source_column
FROM yearly AS y
CROSS JOIN (VALUES
  ('patent_transfers_licences', '次', 'records, by year'),
  ('patent_assignments', '次', 'records of kind assignment, by year'),
  ('patent_licences', '次', 'records of kind licence, by year'),
  ('patent_transfer_value', '万元', 'sum of value, by year')
) AS v (variable, unit, source_column);
