-- Warehouse session: the tables the portable microdata SQL (queries/microdata/1* and 2*) reads
-- and fills inside a PostgreSQL database (or a Greenplum one, which speaks the same SQL) when
-- the build takes its records from there (`ipindex build DIR --microdata postgres://...`).
-- PostgreSQL's dialect. Every table is TEMP: it lives in this session's own schema, needs no
-- right to create tables in the warehouse, and goes when the session's transaction is rolled
-- back (src/warehouse/aggregateInWarehouse.ts always rolls it back). Only the aggregates, and
-- the problems the checks find, leave the database.

-- The region codes of regions.csv, for the checks (queries/microdata/checks/).
CREATE TEMP TABLE regions (
  region_code text PRIMARY KEY
);

-- The name of each dataset's table as the report cites it, for the checks' messages.
CREATE TEMP TABLE microdata_files (
  dataset text PRIMARY KEY,
  file    text NOT NULL
);

-- As queries/microdata/00_microdata.sql: long, one row per region, year and variable.
CREATE TEMP TABLE patent_aggregates (
  region_code   text NOT NULL,
  year          integer NOT NULL,
  variable      text NOT NULL,
  value         double precision,
  unit          text NOT NULL,
  source_column text NOT NULL
);

CREATE TEMP TABLE transfer_aggregates (
  region_code   text NOT NULL,
  year          integer NOT NULL,
  variable      text NOT NULL,
  value         double precision,
  unit          text NOT NULL,
  source_column text NOT NULL
);

CREATE TEMP TABLE pledge_aggregates (
  region_code   text NOT NULL,
  year          integer NOT NULL,
  variable      text NOT NULL,
  value         double precision,
  unit          text NOT NULL,
  source_column text NOT NULL
);
