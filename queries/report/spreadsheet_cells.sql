-- The cells of the copies for spreadsheets (data/excel/*.csv), written by DuckDB's COPY from
-- each published table (src/report/writeSpreadsheetCsv.ts puts together the SELECT of a table
-- from its columns). The published tables keep full precision; these copies are read by people.
-- Text goes through spreadsheet_safe (queries/exports/spreadsheet_safe.sql), as in every table.

-- A number as plain decimal text to `places` decimals, as JavaScript's toFixed and the pages
-- (Intl.NumberFormat) round it: the decimal nearest to the number's exact binary value (487.15 is
-- 487.149999..., one decimal 487.1), a tie away from zero (2.5 to 3). format's fixed notation is
-- exact but breaks ties to even; a tie at `places` decimals is a number that 2^(places+1) makes an
-- odd integer (x = odd / 2^(places+1); that product is exact), and a quarter of a last place away
-- from zero sends it the right way. Never in exponent notation, which a spreadsheet may misread;
-- -0.00 is written 0.00. Not a number and infinity are empty.
CREATE OR REPLACE MACRO spreadsheet_number(x, places) AS
    CASE
        WHEN x IS NULL OR NOT isfinite(x::DOUBLE) THEN NULL
        ELSE regexp_replace(
            format('{:.{}f}',
                CASE
                    WHEN fmod(x::DOUBLE * pow(2, places + 1), 2) IN (1, -1) THEN x::DOUBLE + sign(x::DOUBLE) * pow(10, -places) / 4
                    ELSE x::DOUBLE
                END,
                places),
            '^-(0(\.0*)?)$', '\1')
    END;

-- The decimals that keep four significant digits of x, and none from 1,000 on.
CREATE OR REPLACE MACRO significant_places(x) AS
    CASE
        WHEN x IS NULL OR x = 0 OR NOT isfinite(x::DOUBLE) THEN 0
        ELSE least(20, greatest(0, 3 - floor(log10(abs(x::DOUBLE)))))::INTEGER
    END;

-- A fractional number of a column without a rounding rule, as the full table gives it: a whole
-- one without ".0" (100, not 100.0), others in the shortest text that reads back the same.
CREATE OR REPLACE MACRO spreadsheet_plain(x) AS
    CASE WHEN x = trunc(x) AND abs(x) < 1e21 THEN format('{:.0f}', x) ELSE x::VARCHAR END;
