-- Uncertainty, as published (out/data/uncertainty.csv): every region's rank and band for each
-- node. Where survey estimates feed indicators and uncertainty.sampling is on, the band is the
-- one whose runs also drew those estimates (sampling error included), and the band from the same
-- runs without the draws is kept beside it, so that the report can show what sampling error
-- adds; otherwise the band is the one of the design choices alone and the other columns are empty.
-- From uncertainty_without_sampling, uncertainty_with_sampling and mc_nodes (50_uncertainty.sql, run once
-- or twice by src/uncertainty/runUncertainty.ts).

CREATE TABLE uncertainty AS
SELECT
  n.region_code,
  n.year,
  n.node,
  n.rank,
  coalesce(s.rank_p05, n.rank_p05) AS rank_p05,
  coalesce(s.rank_median, n.rank_median) AS rank_median,
  coalesce(s.rank_p95, n.rank_p95) AS rank_p95,
  CASE WHEN s.node IS NOT NULL THEN n.rank_p05 END AS rank_p05_without_sampling,
  CASE WHEN s.node IS NOT NULL THEN n.rank_median END AS rank_median_without_sampling,
  CASE WHEN s.node IS NOT NULL THEN n.rank_p95 END AS rank_p95_without_sampling
FROM uncertainty_without_sampling AS n
LEFT JOIN uncertainty_with_sampling AS s USING (region_code, year, node)
JOIN mc_nodes AS m ON m.code = n.node
ORDER BY n.year, m.level DESC, n.node, n.rank, n.region_code;
