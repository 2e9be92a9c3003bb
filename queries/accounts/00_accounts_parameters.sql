-- Accounts parameters: the depreciation rate d of every unit of account, that is each region of
-- regions.csv and the nation (region_code 100000). Filled by src/accounts/runAccounts.ts
-- from method.yaml (accounts.depreciation, overridden by accounts.depreciation_by_region), so
-- that configuration reaches SQL as data.

CREATE TABLE accounts_parameters (
  region_code  VARCHAR PRIMARY KEY,
  depreciation DOUBLE NOT NULL CHECK (depreciation > 0 AND depreciation < 1)
);
