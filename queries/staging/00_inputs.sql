-- Inputs: the typed tables that intake (src/intake/) fills from the data directory.
-- Every value arrives here already parsed; nothing below reads the CSV files again. Created
-- before intake reads the observation files, so that their values are appended as they are read.

CREATE TABLE regions (
  region_code VARCHAR PRIMARY KEY,  -- GB/T 2260, 6 digits
  name_zh     VARCHAR NOT NULL,
  name_en     VARCHAR NOT NULL,
  level       VARCHAR NOT NULL,     -- province | prefecture
  parent_code VARCHAR,
  zone        VARCHAR NOT NULL      -- east | central | west | northeast
);

CREATE TABLE variables (
  variable    VARCHAR PRIMARY KEY,
  dataset     VARCHAR NOT NULL,
  name_zh     VARCHAR NOT NULL,
  name_en     VARCHAR NOT NULL,
  unit        VARCHAR NOT NULL,     -- the unit values are kept in after conversion
  min         DOUBLE,               -- NULL: no bound
  max         DOUBLE,
  description VARCHAR,
  source      VARCHAR               -- where the numbers come from, as a reader would cite it
);

CREATE TABLE framework (
  code      VARCHAR PRIMARY KEY,
  parent    VARCHAR,                -- NULL for the index itself
  level     INTEGER NOT NULL,       -- 1 = indicator, as in COINr
  name_zh   VARCHAR NOT NULL,
  name_en   VARCHAR NOT NULL,
  unit      VARCHAR,
  direction INTEGER NOT NULL,       -- +1 higher is better, -1 lower is better
  weight    DOUBLE NOT NULL,
  formula   VARCHAR,
  target    DOUBLE
);

-- One row per value given in an observation file, before unit conversion.
CREATE TABLE observations_raw (
  region_code   VARCHAR NOT NULL,
  year          INTEGER NOT NULL,
  variable      VARCHAR NOT NULL,
  source_value  DOUBLE,             -- NULL: given as missing
  source_unit   VARCHAR NOT NULL,
  source_file   VARCHAR NOT NULL,
  source_row    INTEGER NOT NULL,
  source_column VARCHAR NOT NULL
);
