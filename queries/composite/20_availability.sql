-- Availability: for each region and year, how many indicators have a value before imputation.
-- Screening (method.yaml screen.regions) reads it; with screen.on = raw it also decides which
-- regions feed the group means of imputation.
-- From indicators_denominated.

CREATE TABLE availability AS
SELECT
  region_code,
  year,
  count(*) AS indicators,
  count(value) AS available,
  count(value) / count(*) AS availability
FROM indicators_denominated
GROUP BY region_code, year;
