-- Observations: every value given, converted to its codebook unit, with where it came from.
-- National totals (全国) are kept too, under region_code '100000' (src/lib/types.ts).
-- From observations_raw, variables and units. A value whose unit does not convert stays
-- NULL here and is reported by checks/unknown_unit.sql, so a build never uses it.

CREATE TABLE observations AS
SELECT
  o.region_code,
  o.year,
  o.variable,
  CASE
    WHEN o.source_unit = v.unit THEN o.source_value
    ELSE o.source_value * src.scale / dst.scale
  END AS value,
  v.unit,
  o.source_value,
  o.source_unit,
  o.source_file,
  o.source_row,
  o.source_column
FROM observations_raw AS o
JOIN variables AS v USING (variable)
LEFT JOIN units AS src ON src.unit = o.source_unit
LEFT JOIN units AS dst ON dst.unit = v.unit AND dst.kind = src.kind;
