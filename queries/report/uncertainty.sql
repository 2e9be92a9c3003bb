-- Uncertainty of the index rank: each region's rank with the median and the 5th-95th
-- percentile band of its rank over the Monte Carlo runs, for the overview's ranking chart; where
-- survey estimates feed the index, the band includes their sampling error and the band without it
-- comes beside it (queries/uncertainty/70_sampling_bands.sql).
-- Run only when the composite engine has produced the table uncertainty (DESIGN.md, step 9).
-- From uncertainty and framework.

SELECT u.region_code, u.year, u.rank, u.rank_p05, u.rank_median, u.rank_p95,
  u.rank_p05_without_sampling, u.rank_median_without_sampling, u.rank_p95_without_sampling
FROM uncertainty AS u
JOIN framework AS f ON f.code = u.node
WHERE f.parent IS NULL
ORDER BY u.year, u.region_code;
