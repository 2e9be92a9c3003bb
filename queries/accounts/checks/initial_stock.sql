-- Problems: units of account for which no initial stock exists, because GFCF in the first year
-- is not positive or because real GFCF falls so fast that g + d <= 0, so K_open = I_0 / (g + d)
-- would be infinite or negative (30_accounts_initial.sql). The first year's R&D expenditure
-- cell is named, as the value a statistician would look at first. From accounts_initial and
-- observations.

SELECT
  i.region_code,
  i.first_year,
  i.growth_years,
  i.growth,
  i.depreciation,
  i.gfcf_real_0,
  o.source_file,
  o.source_row,
  o.source_column
FROM accounts_initial AS i
LEFT JOIN observations AS o
  ON o.region_code = i.region_code AND o.variable = 'rd_expenditure' AND o.year = i.first_year
WHERE i.opening_stock IS NULL
ORDER BY i.region_code;
