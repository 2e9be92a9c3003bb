-- Pledge aggregates: patent pledge financing for every region and year, from pledge_yearly
-- (24_pledge_yearly.sql). Adds them to pledge_aggregates:
--   pledge_amount = the secured loans added up (万元; staging converts to the codebook's 亿元);
--   pledged_patents = the patents pledged in the year's registrations, i.e. the entries of
--     patent_ids (separated by ";"), counted per registration: a patent pledged twice in a
--     year counts twice, as registrations are counted in CNIPA's statistics;
--   pledge_registrations = the registrations (项).
-- Every region with a registration gets a value in every year of the register (0 in a year
-- without one); a region with none gets no value (missing, not zero).
-- Portable SQL (CASE, COALESCE, VALUES).

INSERT INTO pledge_aggregates (region_code, year, variable, value, unit, source_column)
WITH region_years AS (
  SELECT r.region_code, y.year
  FROM (SELECT DISTINCT region_code FROM pledge_yearly) AS r
  CROSS JOIN (SELECT DISTINCT year FROM pledge_yearly) AS y
),
yearly AS (
  SELECT
    ry.region_code,
    ry.year,
    COALESCE(p.registrations, 0) AS registrations,
    COALESCE(p.patents, 0) AS patents,
    COALESCE(p.amount, 0) AS amount
  FROM region_years AS ry
  LEFT JOIN pledge_yearly AS p ON p.region_code = ry.region_code AND p.year = ry.year
)
SELECT
  y.region_code,
  y.year,
  v.variable,
  CASE v.variable
    WHEN 'pledge_amount' THEN y.amount
    WHEN 'pledged_patents' THEN y.patents
    WHEN 'pledge_registrations' THEN y.registrations
  END AS value,
  v.unit,
  v.source_column
FROM yearly AS y
CROSS JOIN (VALUES
  ('pledge_amount', '万元', 'sum of amount, by year'),
  ('pledged_patents', '件', 'entries of patent_ids, by year'),
  ('pledge_registrations', '项', 'records, by year')
) AS v (variable, unit, source_column);
