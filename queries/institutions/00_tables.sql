-- The IP transfer reports of universities and research institutes (a data directory's
-- institutions/ folder), as src/institutions/runInstitutions.ts reads them: the register of
-- institutions and the reports, long (one row per institution, year and field, as
-- `ipindex import-reports` writes them from the filled forms), each row with its row in the file
-- (source_row) and, for a report, the day it was filed and the form and cell its value came from.

CREATE TABLE register_institutions (
  institution_id VARCHAR, name_zh VARCHAR, name_en VARCHAR, kind VARCHAR, region_code VARCHAR,
  affiliation VARCHAR, transfer_office VARCHAR, source_row INTEGER
);
CREATE TABLE register_reports (
  institution_id VARCHAR, year INTEGER, field VARCHAR, value DOUBLE, filed DATE, source_file VARCHAR,
  source_cell VARCHAR, source_row INTEGER
);
