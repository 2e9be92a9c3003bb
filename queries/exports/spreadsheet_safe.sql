-- spreadsheet_safe(text): text that a spreadsheet would take for a formula (starting with
-- = + - @, a tab or a carriage return) gets a leading apostrophe, so that a name or label from
-- the user's files can never run as a formula in whoever opens an exported CSV (OWASP, "CSV
-- injection"). Applied to every text column of every exported CSV (src/build/writeResults.ts);
-- numbers are written as numbers and are not affected.

CREATE OR REPLACE MACRO spreadsheet_safe(text) AS
  CASE WHEN regexp_matches(text, '^[=+\-@\t\r]') THEN '''' || text ELSE text END;
