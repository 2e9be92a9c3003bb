-- Microdata: the tables the aggregation of registry records fills. microdata_files names the
-- file each dataset came from (as the user named it), for the source of every aggregate.
-- The aggregate tables are long (one row per region, year and variable) and hold every
-- variable a dataset yields; 90_observations_raw.sql keeps those the codebook declares.
-- Created only when the data directory holds microdata (src/microdata/runMicrodata.ts).

CREATE TABLE microdata_files (
  dataset VARCHAR PRIMARY KEY,      -- patent_records | transfer_records | pledge_records
  file    VARCHAR NOT NULL
);

CREATE TABLE patent_aggregates (
  region_code   VARCHAR NOT NULL,
  year          INTEGER NOT NULL,
  variable      VARCHAR NOT NULL,
  value         DOUBLE,
  unit          VARCHAR NOT NULL,
  source_column VARCHAR NOT NULL    -- what was counted, in words
);

CREATE TABLE transfer_aggregates (
  region_code   VARCHAR NOT NULL,
  year          INTEGER NOT NULL,
  variable      VARCHAR NOT NULL,
  value         DOUBLE,
  unit          VARCHAR NOT NULL,
  source_column VARCHAR NOT NULL
);

CREATE TABLE pledge_aggregates (
  region_code   VARCHAR NOT NULL,
  year          INTEGER NOT NULL,
  variable      VARCHAR NOT NULL,
  value         DOUBLE,
  unit          VARCHAR NOT NULL,
  source_column VARCHAR NOT NULL
);
