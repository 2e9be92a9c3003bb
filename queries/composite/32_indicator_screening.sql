-- Screening of indicators: an indicator counts in a year only if the regions kept by screening
-- give it a value (before imputation) in at least the share screen.indicators of them. An
-- indicator left out drops out of its parent's mean that year, the other weights renormalised.
-- From indicators_denominated and screening.

CREATE TABLE indicator_screening AS
SELECT
  d.indicator,
  d.year,
  count(*) AS regions,
  count(d.value) AS available,
  count(d.value) / count(*) AS availability,
  count(d.value) / count(*) >= $threshold AS kept
FROM indicators_denominated AS d
JOIN screening AS s USING (region_code, year)
WHERE s.kept
GROUP BY d.indicator, d.year
ORDER BY d.year, d.indicator;
