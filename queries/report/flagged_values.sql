-- Flagged values: every indicator value the composite engine imputed or treated as an outlier,
-- listed on the data-quality page so that no changed value goes unreported.
-- From indicators and regions.

SELECT i.region_code, i.year, i.indicator, i.value, i.imputed, i.treated
FROM indicators AS i
JOIN regions AS r USING (region_code)
WHERE i.imputed OR i.treated
ORDER BY i.indicator, i.year, i.region_code;
