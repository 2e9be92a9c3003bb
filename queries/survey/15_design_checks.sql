-- Problems of a design that only the respondents show (src/survey/loadResponses.ts words them
-- with the file and column): a cluster in two strata when the ids are not nested, an fpc
-- smaller than the sample it corrects, and a stratum with one PSU under lonely_psu: fail.
-- key says which key of design.yaml the problem is about; source_row is the first respondent's.

SELECT min(source_row) AS source_row,
  'the cluster ' || any_value(psu) || ' in ' || count(DISTINCT stratum) || ' strata' AS found,
  'each cluster in one stratum, or nest: true when cluster ids repeat across strata' AS expected,
  'ids.0' AS key
FROM survey_units
GROUP BY psu
HAVING count(DISTINCT stratum) > 1

UNION ALL
SELECT (SELECT min(source_row) FROM survey_units AS u WHERE u.stratum = s.stratum),
  'a population of ' || printf('%.15g', s.pop_psu) || ' for a sample of ' || s.n_psu || ' in stratum ' || s.stratum,
  'an fpc no smaller than the number of PSUs sampled in its stratum',
  'fpc.0'
FROM survey_strata AS s
WHERE s.pop_psu < s.n_psu - 1e-9

UNION ALL
SELECT (SELECT min(source_row) FROM survey_units AS u WHERE u.psu = p.psu),
  'a population of ' || printf('%.15g', p.pop_ssu) || ' for a sample of ' || p.n_ssu || ' in its first-stage cluster',
  'an fpc no smaller than the number of second-stage units sampled',
  'fpc.1'
FROM survey_psus AS p
WHERE (SELECT two_stage FROM survey_design) AND p.pop_ssu < p.n_ssu - 1e-9

UNION ALL
SELECT NULL,
  'the stratum "' || s.stratum || '" with a single PSU, and lonely_psu: fail',
  'two or more PSUs in every stratum, or lonely_psu: certainty, remove, adjust or average (as R''s survey.lonely.psu)',
  'lonely_psu'
FROM survey_strata AS s
WHERE s.n_psu = 1
  AND (SELECT lonely_psu FROM survey_design) = 'fail'
  AND NOT (s.pop_psu IS NOT NULL AND (s.pop_psu - s.n_psu) / s.pop_psu < 1e-7)
ORDER BY 1 NULLS LAST;
