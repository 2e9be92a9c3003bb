-- Monte Carlo units: the region-years that have scores, numbered; only the latest year unless
-- $all_years (method.yaml uncertainty.years: all). The normalised scores the runs draw from are
-- those of the whole panel (normalised_methods), so restricting the years changes no band.
-- From normalised.

CREATE OR REPLACE TABLE mc_units AS
SELECT CAST(row_number() OVER (ORDER BY year, region_code) AS INTEGER) AS unit_id, region_code, year
FROM (
  SELECT DISTINCT region_code, year
  FROM normalised
  WHERE $all_years OR year = (SELECT max(year) FROM normalised)
)
ORDER BY unit_id;
