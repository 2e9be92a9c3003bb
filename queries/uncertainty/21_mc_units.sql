-- Monte Carlo units: the region-years that have scores, numbered.
-- From normalised.

CREATE OR REPLACE TABLE mc_units AS
SELECT CAST(row_number() OVER (ORDER BY year, region_code) AS INTEGER) AS unit_id, region_code, year
FROM (SELECT DISTINCT region_code, year FROM normalised)
ORDER BY unit_id;
