-- The latest year's reports by kind of institution and by affiliation (central, local): the
-- institutions registered and reporting, their income and contracts.
-- From register_institutions and institution_reports.

WITH latest AS (
  SELECT max(year) AS year FROM institution_reports
),
marked AS (
  SELECT i.kind, i.affiliation, r.institution_id IS NOT NULL AS reported, r.income,
    coalesce(r.assigned_count, 0) + coalesce(r.licensed_count, 0) + coalesce(r.equity_count, 0) AS contracts
  FROM register_institutions AS i
  LEFT JOIN institution_reports AS r ON r.institution_id = i.institution_id AND r.year = (SELECT year FROM latest)
)
SELECT 'kind' AS by, kind AS value, count(*) AS registered, count(*) FILTER (WHERE reported) AS reporting,
  coalesce(sum(income), 0) AS income, sum(contracts) FILTER (WHERE reported) AS contracts, (SELECT year FROM latest) AS year
FROM marked GROUP BY kind
UNION ALL
SELECT 'affiliation', affiliation, count(*), count(*) FILTER (WHERE reported), coalesce(sum(income), 0), sum(contracts) FILTER (WHERE reported), (SELECT year FROM latest)
FROM marked GROUP BY affiliation
ORDER BY 1, 5 DESC;
