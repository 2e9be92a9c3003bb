-- Coverage by region: for every region and year, how many indicators have a value, out of how
-- many, and how many were imputed or treated, for the data-quality page.
-- From indicators and regions.

SELECT
  i.region_code,
  i.year,
  count(i.value)::INTEGER AS available,
  count(*)::INTEGER AS expected,
  (count(*) FILTER (WHERE i.imputed))::INTEGER AS imputed,
  (count(*) FILTER (WHERE i.treated))::INTEGER AS treated
FROM indicators AS i
JOIN regions AS r USING (region_code)
GROUP BY i.region_code, i.year
ORDER BY i.region_code, i.year;
