-- National indicators, when the composite engine runs on indicator values given directly (the
-- COINr import, the engine's own tests) rather than after queries/indicators/, which creates the
-- table from the national totals: then an empty table, and no national reference in any year.
-- From nothing; see queries/indicators/40_national_indicators.sql.

CREATE TABLE IF NOT EXISTS national_indicators (
  year      INTEGER,
  indicator VARCHAR,
  value     DOUBLE
);
