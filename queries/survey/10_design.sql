-- Each stage's population and sample sizes, from the data (survey_stage_counts): n is the
-- number of clusters of the stage sampled within their parent in the whole sample (a domain
-- never changes it: a cluster with no respondent of the domain counts with a total of 0); pop
-- the fpc as a population size (a fraction f gives n / f); inclusion the product of the
-- sampling fractions n / pop of the stages above, the probability that the parent itself was
-- sampled, by which a later stage's variance is scaled (R's svyrecvar, multistage).

CREATE TABLE survey_parents AS
WITH RECURSIVE sized AS (
  SELECT stage, parent, grandparent, n, first_row,
    CASE WHEN fraction THEN n / fpc ELSE fpc END AS pop
  FROM survey_stage_counts
),
chain AS (
  SELECT stage, parent, 1.0::DOUBLE AS inclusion
  FROM sized
  WHERE stage = 1
  UNION ALL
  SELECT s.stage, s.parent, c.inclusion * g.n / g.pop
  FROM sized AS s
  JOIN sized AS g ON g.stage = s.stage - 1 AND g.parent = s.grandparent
  JOIN chain AS c ON c.stage = g.stage AND c.parent = g.parent
)
SELECT s.*, c.inclusion
FROM sized AS s
JOIN chain AS c USING (stage, parent);

-- Missing weights come from the fpcs, as R's survey package derives them: one over the
-- product of every stage's sampling fraction, w = N1/n1 x N2/n2 x ...
UPDATE survey_units AS u
SET base_weight = p.pop / p.n / p.inclusion, weight = p.pop / p.n / p.inclusion
FROM survey_parents AS p
WHERE u.base_weight IS NULL
  AND p.stage = greatest(1, (SELECT stages FROM survey_design))
  AND p.parent = coalesce(u.parent, u.stratum);
