-- The enterprise register's figures by region and year (queries/enterprises/30_regional_counts.sql),
-- every one of them whether or not the codebook declares it, for the enterprise IP management
-- page and the region pages. Counted from the public certificate register: no confidential cell.
-- From enterprise_counts.

SELECT region_code, year, variable, value
FROM enterprise_counts
ORDER BY region_code, year, variable;
