-- Problems: a value outside the codebook's [min, max] for its variable, after unit conversion.
-- Negative counts are left to negative_count.sql so that each mistake is reported once.
-- The ranges are those of one region, so national totals (not in regions) are not held to them.

SELECT
  o.source_file AS file,
  o.source_row AS "row",
  o.source_column AS "column",
  printf('%.15g', o.value) || ' ' || v.unit || ' of ' || o.variable AS found,
  'a value from ' || coalesce(printf('%.15g', v.min), '-∞') || ' to ' || coalesce(printf('%.15g', v.max), '∞')
    || ' ' || v.unit || ' (the range in variables.csv)' AS expected
FROM observations AS o
JOIN variables AS v USING (variable)
LEFT JOIN units AS u ON u.unit = v.unit
WHERE (o.value < v.min OR o.value > v.max)
  AND o.region_code IN (SELECT region_code FROM regions)
  AND NOT (o.source_value < 0 AND coalesce(u.is_count, false))
ORDER BY file, "row", "column";
