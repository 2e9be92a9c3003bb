-- The estimates under every set of weights (replicate 0 is the full sample), from the first
-- pass's Horvitz-Thompson sums (survey_cell_sums, added up over strata when split by them):
-- Y^ = sum w y, X^ = sum w x, N^ = sum w; the total is Y^, the mean Y^/N^, the ratio Y^/X^.
-- A cell in which nobody answered has no estimate. y_mean, the weighted mean of the column, is
-- what the design effect centres on.

CREATE TABLE survey_cells AS
SELECT request, domain_value, replicate,
  sum(n) AS n, sum(sw) AS sw, sum(swy) AS swy, sum(swx) AS swx,
  sum(contributions) AS contributions,
  -- The largest contributions of a cell are among the largest of its strata.
  list_slice(list_reverse_sort(flatten(list(largest) FILTER (largest IS NOT NULL))), 1, (SELECT dominance_n FROM survey_design)) AS largest
FROM survey_cell_sums
GROUP BY request, domain_value, replicate;

CREATE TABLE survey_point AS
SELECT
  s.request, s.domain_value, s.replicate,
  CASE r.statistic
    WHEN 'total' THEN s.swy
    WHEN 'mean' THEN s.swy / s.sw
    WHEN 'ratio' THEN s.swy / s.swx
  END AS estimate,
  s.sw AS weight_total,
  s.swx AS x_total,
  s.n AS n_respondents,
  s.swy / s.sw AS y_mean
FROM survey_cells AS s
JOIN survey_requests AS r USING (request)
WHERE s.n > 0;

-- The share of each total that its dominance_n largest weighted contributions make.
CREATE TABLE survey_dominance AS
SELECT request, domain_value, list_sum(largest) / nullif(contributions, 0) AS top_share
FROM survey_cells
WHERE replicate = 0 AND len(largest) > 0 AND n > 0;
