-- The enterprise IP management register (a data directory's enterprises/ folder), as
-- src/files/readRegisterFile.ts reads it: one table per file, the columns in the order of
-- src/enterprises/registerSchema.ts, each row with its row in the file (source_row) for
-- messages. Regions are the codes of regions.csv (a name in the file is matched to its code);
-- dates are ISO text until 10_certificate_life.sql reads them.

CREATE TABLE register_enterprises (
  enterprise_id VARCHAR, name VARCHAR, region_code VARCHAR, industry VARCHAR, size VARCHAR,
  ownership VARCHAR, high_tech_from INTEGER, zone VARCHAR, source_row INTEGER
);
CREATE TABLE register_certifications (
  certificate_no VARCHAR, enterprise_id VARCHAR, body_code VARCHAR, standard VARCHAR,
  issued DATE, expires DATE, status VARCHAR, status_date DATE, source_row INTEGER
);
CREATE TABLE register_service_bodies (
  body_code VARCHAR, name VARCHAR, kind VARCHAR, region_code VARCHAR, accredited_from DATE,
  accredited_to DATE, source_row INTEGER
);
CREATE TABLE register_training (
  region_code VARCHAR, year INTEGER, internal_auditors_trained DOUBLE,
  certification_auditors_registered DOUBLE, source_row INTEGER
);
CREATE TABLE register_outcomes (
  enterprise_id VARCHAR, year INTEGER, invention_applications DOUBLE, invention_grants DOUBLE,
  patents_in_force DOUBLE, licences_out DOUBLE, pledge_amount DOUBLE, rd_expenditure DOUBLE,
  revenue DOUBLE, source_row INTEGER
);
-- The outcome measures as a type of their own: the effect's sums are grouped by measure, and an
-- ENUM groups as a number does.
CREATE TYPE outcome_measure AS ENUM (
  'invention_applications', 'invention_grants', 'patents_in_force', 'licences_out', 'pledge_amount',
  'rd_expenditure', 'revenue'
);
CREATE TABLE register_assessments (
  enterprise_id VARCHAR, year INTEGER, clause VARCHAR, score DOUBLE, scale VARCHAR, standard VARCHAR,
  source_row INTEGER
);

-- The clauses of GB/T 29490 that an assessment may score: the 2013 edition's six (4-9) and the
-- 2023 edition's seven (4-10, the high-level structure of ISO management system standards). A
-- sub-clause (7.2, 8.1.3) belongs to its clause.
CREATE TABLE standard_clauses (standard VARCHAR, clause VARCHAR, name_zh VARCHAR, name_en VARCHAR);
INSERT INTO standard_clauses VALUES
  ('2013', '4', '知识产权管理体系', 'IP management system'),
  ('2013', '5', '管理职责', 'Management responsibility'),
  ('2013', '6', '资源管理', 'Resource management'),
  ('2013', '7', '基础管理', 'Basic management'),
  ('2013', '8', '实施和运行', 'Implementation and operation'),
  ('2013', '9', '审核和改进', 'Review and improvement'),
  ('2023', '4', '组织环境', 'Context of the organization'),
  ('2023', '5', '领导作用', 'Leadership'),
  ('2023', '6', '策划', 'Planning'),
  ('2023', '7', '支持', 'Support'),
  ('2023', '8', '运行', 'Operation'),
  ('2023', '9', '绩效评价', 'Performance evaluation'),
  ('2023', '10', '改进', 'Improvement');
