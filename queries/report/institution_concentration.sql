-- Concentration of transfer income: each year, the share of the income received by the ten
-- institutions with the most (of all reporting), nationally.
-- From institution_reports.

WITH ranked AS (
  SELECT year, income, row_number() OVER (PARTITION BY year ORDER BY income DESC NULLS LAST, institution_id) AS rank
  FROM institution_reports
)
SELECT year, 100 * sum(income) FILTER (WHERE rank <= 10) / nullif(sum(income), 0) AS top10_share, count(income) AS reporting
FROM ranked
GROUP BY year
ORDER BY year;
