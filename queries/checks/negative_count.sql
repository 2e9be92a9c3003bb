-- Problems: a negative number of things (patents, contracts, cases, persons).
-- Reported on its own, before the range check, because it is the likelier typo.

SELECT
  o.source_file AS file,
  o.source_row AS "row",
  o.source_column AS "column",
  'the negative count ' || printf('%.15g', o.source_value) || ' ' || o.source_unit || ' of ' || o.variable AS found,
  'a count of 0 or more' AS expected
FROM observations AS o
JOIN variables AS v USING (variable)
LEFT JOIN units AS u ON u.unit = v.unit
WHERE o.source_value < 0
  AND u.is_count
ORDER BY file, "row", "column";
