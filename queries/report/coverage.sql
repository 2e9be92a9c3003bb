-- Coverage by indicator: for every indicator and year, how many regions have a value, out of
-- how many, and how many values were imputed or treated, for the data-quality page.
-- From indicators and regions.

SELECT
  i.indicator,
  i.year,
  count(i.value)::INTEGER AS available,
  count(*)::INTEGER AS expected,
  (count(*) FILTER (WHERE i.imputed))::INTEGER AS imputed,
  (count(*) FILTER (WHERE i.treated))::INTEGER AS treated
FROM indicators AS i
JOIN regions AS r USING (region_code)
GROUP BY i.indicator, i.year
ORDER BY i.indicator, i.year;
