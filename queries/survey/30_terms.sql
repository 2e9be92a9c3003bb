-- The respondents each estimate is computed from: those of the domain whose value (and, for a
-- ratio, denominator) is not missing, as R's na.rm = TRUE. Everyone else contributes 0 to the
-- estimate and to its variance, but keeps its place in the design (a domain is estimated on the
-- whole design, never by taking a subset of the rows as if it were the sample).

CREATE TABLE survey_terms AS
WITH incomplete AS (
  -- Respondents who left a column of the request's set unanswered (few: item non-response).
  SELECT DISTINCT q.request, v.unit
  FROM (SELECT request, unnest(complete) AS name FROM survey_requests WHERE len(complete) > 1) AS q
  JOIN survey_values AS v ON v.name = q.name AND v.value IS NULL
)
SELECT r.request, d.domain_value, d.unit, y.value AS y, x.value AS x
FROM survey_requests AS r
JOIN survey_domains AS d ON d.domain = r.domain
JOIN survey_values AS y ON y.unit = d.unit AND y.name = r."of"
LEFT JOIN survey_values AS x ON x.unit = d.unit AND x.name = r.denominator
ANTI JOIN incomplete AS i ON i.request = r.request AND i.unit = d.unit
WHERE y.value IS NOT NULL
  AND (r.denominator IS NULL OR x.value IS NOT NULL);

-- Horvitz-Thompson sums under every set of weights (replicate 0 is the full sample):
-- Y^ = sum w y, X^ = sum w x, N^ = sum w; the total is Y^, the mean Y^/N^, the ratio Y^/X^.
CREATE TABLE survey_point AS
SELECT
  t.request, t.domain_value, w.replicate,
  CASE r.statistic
    WHEN 'total' THEN sum(w.weight * t.y)
    WHEN 'mean' THEN sum(w.weight * t.y) / sum(w.weight)
    WHEN 'ratio' THEN sum(w.weight * t.y) / sum(w.weight * t.x)
  END AS estimate,
  sum(w.weight) AS weight_total,
  sum(w.weight * t.x) AS x_total,
  count(*) AS n_respondents
FROM survey_terms AS t
JOIN survey_requests AS r USING (request)
JOIN survey_weights AS w USING (unit)
GROUP BY t.request, t.domain_value, w.replicate, r.statistic;
