-- Intake facts: what src/intake/ recorded while reading the observation files, for the
-- data-quality summary (quality/10_quality.sql). Filled by src/quality/runQuality.ts.

-- Each observation file: records below its header, and how many of them were blank.
CREATE OR REPLACE TABLE intake_files (
  file       VARCHAR PRIMARY KEY,
  rows_read  INTEGER NOT NULL,
  blank_rows INTEGER NOT NULL
);

-- Each row left out on purpose, with the reason intake gave ('"东部地区" is a zone total').
CREATE OR REPLACE TABLE intake_dropped (
  file   VARCHAR NOT NULL,
  "row"  INTEGER NOT NULL,
  reason VARCHAR NOT NULL
);

-- Each value whose text was tidied before it read as a number: full-width characters,
-- thousands separators, a percent sign, a typeset minus sign, surrounding spaces.
CREATE OR REPLACE TABLE intake_reformatted (
  file     VARCHAR NOT NULL,
  "row"    INTEGER NOT NULL,
  "column" VARCHAR NOT NULL,
  how      VARCHAR NOT NULL
);
