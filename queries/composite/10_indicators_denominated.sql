-- Indicators, denominated: step 1 of the composite engine (DESIGN.md), the value of each
-- indicator as its formula gives it, kept before any later step changes it. In ipindex the
-- denominator is part of the formula (e.g. pledge_amount / gdp), which is how COINr's Denominate
-- (x / denominator x scale) is written here. Every region, year and indicator of the framework
-- has a row, NULL where there is no value, so that availability counts against the framework.
-- From indicators (queries/indicators/30_indicators.sql), regions and framework.

CREATE TABLE indicators_denominated AS
SELECT r.region_code, y.year, f.code AS indicator, i.value
FROM regions AS r
CROSS JOIN (SELECT DISTINCT year FROM indicators) AS y
CROSS JOIN (SELECT code FROM framework WHERE level = 1) AS f
LEFT JOIN indicators AS i ON i.region_code = r.region_code AND i.year = y.year AND i.indicator = f.code
ORDER BY r.region_code, y.year, f.code;
