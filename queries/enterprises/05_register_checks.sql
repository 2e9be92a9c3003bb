-- What the register's files say about each other, checked once every file is in (the cells
-- themselves were checked as they were read): each problem with its file, row and column, as
-- src/enterprises/runEnterprises.ts reports it. $dir is the folder as messages name it.
-- From the register_ tables and standard_clauses.

WITH certificates AS (
  SELECT *, count(*) OVER (PARTITION BY certificate_no) AS copies,
    row_number() OVER (PARTITION BY certificate_no ORDER BY source_row) AS copy
  FROM register_certifications
  WHERE certificate_no IS NOT NULL
)
SELECT 'enterprises.csv' AS file, source_row AS row, 'enterprise_id' AS "column",
  'the enterprise ' || enterprise_id || ' again (first at row ' || min(source_row) OVER (PARTITION BY enterprise_id) || ')' AS found,
  'each enterprise once' AS expected
FROM (SELECT *, row_number() OVER (PARTITION BY enterprise_id ORDER BY source_row) AS copy FROM register_enterprises WHERE enterprise_id IS NOT NULL)
QUALIFY copy > 1

UNION ALL
SELECT 'certifications.csv', source_row, 'certificate_no',
  'the certificate ' || certificate_no || ' again (' || copies || ' rows with it)',
  'each certificate number once'
FROM certificates
WHERE copies > 1 AND copy > 1

UNION ALL
SELECT 'certifications.csv', c.source_row, 'enterprise_id',
  'the enterprise ' || c.enterprise_id || ', which enterprises.csv does not list',
  'an enterprise_id of enterprises.csv'
FROM register_certifications AS c
WHERE c.enterprise_id IS NOT NULL
  AND c.enterprise_id NOT IN (SELECT enterprise_id FROM register_enterprises WHERE enterprise_id IS NOT NULL)

UNION ALL
SELECT 'certifications.csv', source_row, 'expires',
  'expires ' || expires || ', before it was issued (' || issued || ')',
  'an expiry date after the date of issue'
FROM register_certifications
WHERE expires <= issued

UNION ALL
SELECT 'certifications.csv', source_row, 'status_date',
  'the status ' || status || ' from ' || status_date || ', outside the certificate''s life (' || issued || ' to ' || expires || ')',
  'a status date between the date of issue and the expiry date'
FROM register_certifications
WHERE status_date IS NOT NULL AND expires > issued AND (status_date < issued OR status_date > expires)

UNION ALL
SELECT 'certifications.csv', source_row, 'status_date',
  'the status ' || status || ' without the date it took effect',
  'the date of the suspension or withdrawal'
FROM register_certifications
WHERE status IN ('suspended', 'withdrawn') AND status_date IS NULL

UNION ALL
SELECT 'certifications.csv', c.source_row, 'body_code',
  'the body ' || c.body_code || ', which service_bodies.csv does not list',
  'a body_code of service_bodies.csv (or the cell left empty)'
FROM register_certifications AS c
WHERE c.body_code IS NOT NULL
  AND $has_bodies
  AND c.body_code NOT IN (SELECT body_code FROM register_service_bodies WHERE body_code IS NOT NULL)

UNION ALL
SELECT 'service_bodies.csv', source_row, 'accredited_to',
  'accredited to ' || accredited_to || ', before accredited from ' || accredited_from,
  'an end of accreditation after its start'
FROM register_service_bodies
WHERE accredited_to < accredited_from

UNION ALL
SELECT 'outcomes.csv', o.source_row, 'enterprise_id',
  'the enterprise ' || o.enterprise_id || ', which enterprises.csv does not list',
  'an enterprise_id of enterprises.csv'
FROM register_outcomes AS o
WHERE o.enterprise_id IS NOT NULL
  AND o.enterprise_id NOT IN (SELECT enterprise_id FROM register_enterprises WHERE enterprise_id IS NOT NULL)

UNION ALL
SELECT 'assessments.csv', a.source_row, 'enterprise_id',
  'the enterprise ' || a.enterprise_id || ', which enterprises.csv does not list',
  'an enterprise_id of enterprises.csv'
FROM register_assessments AS a
WHERE a.enterprise_id IS NOT NULL
  AND a.enterprise_id NOT IN (SELECT enterprise_id FROM register_enterprises WHERE enterprise_id IS NOT NULL)

UNION ALL
SELECT 'assessments.csv', a.source_row, 'clause',
  'the clause ' || a.clause || ', which GB/T 29490-' || coalesce(a.standard, '2013') || ' does not have',
  'a clause of GB/T 29490-' || coalesce(a.standard, '2013') || ': ' || (SELECT string_agg(clause, ', ' ORDER BY CAST(clause AS INTEGER)) FROM standard_clauses AS s WHERE s.standard = coalesce(a.standard, '2013')) || ' (or a sub-clause such as 7.2)'
FROM register_assessments AS a
WHERE a.clause IS NOT NULL
  AND split_part(a.clause, '.', 1) NOT IN (SELECT clause FROM standard_clauses AS s WHERE s.standard = coalesce(a.standard, '2013'))

UNION ALL
SELECT 'assessments.csv', source_row, 'score',
  'the score ' || printf('%.15g', score) || ' on the scale ' || coalesce(scale, '0-100'),
  CASE WHEN coalesce(scale, '0-100') = '0-100' THEN 'a score from 0 to 100' ELSE 'a maturity level from 1 to 5' END
FROM register_assessments
WHERE score IS NOT NULL
  AND CASE WHEN coalesce(scale, '0-100') = '0-100' THEN score < 0 OR score > 100 ELSE score < 1 OR score > 5 END

ORDER BY 1, 2, 3;
