-- The reports' regional figures, by region (every region of regions.csv with those it lies in,
-- and the nation: region_closure) and year, long: what framework formulas read as codebook
-- variables (src/institutions/runInstitutions.ts adds those the codebook declares to the
-- observations). Sums are over the institutions that reported that year: a region whose
-- registered institutions all failed to report has no rows for the year (missing, not 0); one with no
-- institution in the register has 0s. How many reported is published beside.
--   institution_transfer_income       income received in the year, all institutions (万元)
--   university_transfer_income        of universities
--   institute_transfer_income         of research institutes
--   patents_assigned, patents_licensed, patent_equity_investments
--                                     contracts of each kind (项)
--   transfer_contracts                the three together
--   transfer_contract_value           their contract values together (万元)
--   institution_patents_held          patents held at year end (件)
--   untransformed_state_funded_patents  state-funded patents granted N or more years before and
--                                     never transformed (件; N: institutions.untransformed_years)
--   institutions_registered, institutions_reporting
--                                     institutions in the register, and of them those reporting
-- From institution_reports, register_institutions, region_closure.

CREATE TABLE institution_figures AS
WITH years AS (
  SELECT DISTINCT year FROM institution_reports
),
registered AS (
  SELECT c.within AS region_code, count(*) AS institutions_registered
  FROM register_institutions AS i
  JOIN region_closure AS c USING (region_code)
  GROUP BY c.within
),
reported AS (
  SELECT
    c.within AS region_code,
    r.year,
    count(*) AS institutions_reporting,
    coalesce(sum(r.income), 0) AS institution_transfer_income,
    coalesce(sum(r.income) FILTER (WHERE r.kind = 'university'), 0) AS university_transfer_income,
    coalesce(sum(r.income) FILTER (WHERE r.kind = 'research_institute'), 0) AS institute_transfer_income,
    coalesce(sum(r.assigned_count), 0) AS patents_assigned,
    coalesce(sum(r.licensed_count), 0) AS patents_licensed,
    coalesce(sum(r.equity_count), 0) AS patent_equity_investments,
    coalesce(sum(coalesce(r.assigned_count, 0) + coalesce(r.licensed_count, 0) + coalesce(r.equity_count, 0)), 0) AS transfer_contracts,
    coalesce(sum(coalesce(r.assigned_value, 0) + coalesce(r.licensed_value, 0) + coalesce(r.equity_value, 0)), 0) AS transfer_contract_value,
    coalesce(sum(r.patents_held), 0) AS institution_patents_held,
    coalesce(sum(r.untransformed_state_funded), 0) AS untransformed_state_funded_patents
  FROM institution_reports AS r
  JOIN region_closure AS c USING (region_code)
  GROUP BY c.within, r.year
),
wide AS (
  SELECT
    g.region_code,
    y.year,
    coalesce(g.institutions_registered, 0) AS institutions_registered,
    coalesce(p.institutions_reporting, 0) AS institutions_reporting,
    -- No institution registered: 0; registered but none reporting: missing.
    CASE WHEN g.institutions_registered IS NULL THEN 0 ELSE p.institution_transfer_income END AS institution_transfer_income,
    CASE WHEN g.institutions_registered IS NULL THEN 0 ELSE p.university_transfer_income END AS university_transfer_income,
    CASE WHEN g.institutions_registered IS NULL THEN 0 ELSE p.institute_transfer_income END AS institute_transfer_income,
    CASE WHEN g.institutions_registered IS NULL THEN 0 ELSE p.patents_assigned END AS patents_assigned,
    CASE WHEN g.institutions_registered IS NULL THEN 0 ELSE p.patents_licensed END AS patents_licensed,
    CASE WHEN g.institutions_registered IS NULL THEN 0 ELSE p.patent_equity_investments END AS patent_equity_investments,
    CASE WHEN g.institutions_registered IS NULL THEN 0 ELSE p.transfer_contracts END AS transfer_contracts,
    CASE WHEN g.institutions_registered IS NULL THEN 0 ELSE p.transfer_contract_value END AS transfer_contract_value,
    CASE WHEN g.institutions_registered IS NULL THEN 0 ELSE p.institution_patents_held END AS institution_patents_held,
    CASE WHEN g.institutions_registered IS NULL THEN 0 ELSE p.untransformed_state_funded_patents END AS untransformed_state_funded_patents
  FROM (SELECT DISTINCT c.within AS region_code, r.institutions_registered FROM region_closure AS c LEFT JOIN registered AS r ON r.region_code = c.within) AS g
  CROSS JOIN years AS y
  LEFT JOIN reported AS p ON p.region_code = g.region_code AND p.year = y.year
)
UNPIVOT (
  SELECT region_code, year, COLUMNS(* EXCLUDE (region_code, year))::DOUBLE FROM wide
) ON COLUMNS(* EXCLUDE (region_code, year)) INTO NAME variable VALUE value
ORDER BY region_code, year, variable;
