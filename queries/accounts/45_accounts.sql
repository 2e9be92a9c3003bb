-- Accounts: the output table of the national-accounts stage (DESIGN.md, "Output contract":
-- region_code, year, item, price_basis, value, unit), created empty here and filled by
-- 50_accounts_values.sql. It exists in every build, empty when the data cannot support the
-- accounts, so that out/data/accounts.csv always has its header.

CREATE TABLE accounts (
  region_code VARCHAR NOT NULL,   -- a region of regions.csv, or 100000 for the nation
  year        INTEGER NOT NULL,
  item        VARCHAR NOT NULL,   -- see 50_accounts_values.sql
  price_basis VARCHAR NOT NULL,   -- current | constant_<base year> | index
  value       DOUBLE,
  unit        VARCHAR NOT NULL,
  PRIMARY KEY (region_code, year, item, price_basis)
);
