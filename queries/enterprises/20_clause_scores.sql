-- Each enterprise's score of each clause of GB/T 29490 in each year it was assessed
-- (assessments.csv), on one scale: scores on the 1-5 maturity scale are put on 0-100 as
-- (score - 1) / 4 x 100, so that the two scales read alike, and a clause's score is the mean of
-- its sub-clauses' scores. An assessment without an edition is of the 2013 one. A view, read by
-- the report's maturity tables (queries/report/enterprise_maturity*.sql), so that both score
-- the clauses alike.
-- From register_assessments.

CREATE VIEW clause_scores AS
SELECT enterprise_id, year, standard, clause, avg(score) AS score
FROM (
  SELECT
    enterprise_id,
    year,
    coalesce(standard, '2013') AS standard,
    split_part(clause, '.', 1) AS clause,
    CASE WHEN scale = '1-5' THEN (score - 1) / 4 * 100 ELSE score END AS score
  FROM register_assessments
)
GROUP BY ALL;
