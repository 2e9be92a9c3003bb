-- Units: the units a long file may give, each as a multiple (scale) of the base unit of its
-- kind. A value converts from unit a to unit b of the same kind as value * scale_a / scale_b.
-- is_count marks numbers of things, which can never be negative (checks/negative_count.sql).
-- A unit not listed here converts only to itself (checks/unknown_unit.sql).

CREATE TABLE units AS
SELECT * FROM (VALUES
  ('元',   'money',        1e0,  false),
  ('千元', 'money',        1e3,  false),
  ('万元', 'money',        1e4,  false),
  ('亿元', 'money',        1e8,  false),
  ('件',   'items',        1e0,  true),
  ('万件', 'items',        1e4,  true),
  ('项',   'contracts',    1e0,  true),
  ('万项', 'contracts',    1e4,  true),
  ('次',   'times',        1e0,  true),
  ('家',   'organisations', 1e0, true),
  ('人',   'persons',      1e0,  true),
  ('万人', 'persons',      1e4,  true),
  ('人年', 'person_years', 1e0,  true),
  ('万人年', 'person_years', 1e4, true),
  ('%',    'ratio',        1e-2, false),
  ('‰',    'ratio',        1e-3, false)
) AS t(unit, kind, scale, is_count);
