-- Problems: a value in a unit that does not convert to the codebook's unit.

SELECT
  o.source_file AS file,
  o.source_row AS "row",
  'unit' AS "column",
  'the unit "' || o.source_unit || '" for ' || o.variable AS found,
  '"' || v.unit || '" (the codebook unit of ' || o.variable || ') or a unit that converts to it'
    || coalesce(' (' || (
      SELECT string_agg(s.unit, ', ' ORDER BY s.scale)
      FROM units AS s JOIN units AS d ON d.kind = s.kind AND d.unit = v.unit
    ) || ')', '') AS expected
FROM observations_raw AS o
JOIN variables AS v USING (variable)
LEFT JOIN units AS src ON src.unit = o.source_unit
LEFT JOIN units AS dst ON dst.unit = v.unit AND dst.kind = src.kind
WHERE o.source_unit <> v.unit AND dst.unit IS NULL
ORDER BY file, "row";
