-- Problems of a design that only the respondents show (src/survey/loadResponses.ts words them
-- with the file and column): a cluster in two strata when the ids are not nested, an fpc
-- smaller than the sample it corrects, and a stratum with one PSU under lonely_psu: fail.
-- key says which key of design.yaml the problem is about; source_row is the first respondent's.

SELECT first_row AS source_row,
  'the cluster ' || cluster || ' in ' || strata || ' strata' AS found,
  'each cluster in one stratum, or nest: true when cluster ids repeat across strata' AS expected,
  'ids.0' AS key
FROM survey_unnested

UNION ALL
SELECT first_row,
  'a population of ' || printf('%.15g', pop) || ' for a sample of ' || n
    || CASE WHEN stage = 1 THEN ' in stratum ' || parent ELSE ' in its stage-' || (stage - 1) || ' cluster' END,
  CASE WHEN stage = 1 THEN 'an fpc no smaller than the number of PSUs sampled in its stratum'
       ELSE 'an fpc no smaller than the number of stage-' || stage || ' units sampled within their cluster' END,
  'fpc.' || (stage - 1)
FROM survey_parents
WHERE pop < n - 1e-9

UNION ALL
SELECT NULL,
  'the stratum "' || parent || '" with a single PSU, and lonely_psu: fail',
  'two or more PSUs in every stratum, or lonely_psu: certainty, remove, adjust or average (as R''s survey.lonely.psu)',
  'lonely_psu'
FROM survey_parents
WHERE stage = 1
  AND n = 1
  AND (SELECT lonely_psu FROM survey_design) = 'fail'
  AND NOT (pop IS NOT NULL AND (pop - n) / pop < 1e-7)
ORDER BY 1 NULLS LAST;
