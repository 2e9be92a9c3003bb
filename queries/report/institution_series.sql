-- The institutions' regional figures (queries/institutions/40_regional_figures.sql) for the
-- institutions page: every region and the nation, every year reported.
-- From institution_figures.

SELECT region_code, year, variable, value
FROM institution_figures
ORDER BY region_code, year, variable;
