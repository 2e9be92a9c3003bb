-- The survey as the estimators read it (src/survey/loadResponses.ts fills these tables from
-- responses.csv and design.yaml). One row per respondent in survey_units; the analysis
-- columns long in survey_values; each domain a respondent belongs to in survey_domains (every
-- respondent is in the domain all/all); the full-sample weight as replicate 0 of
-- survey_weights, replicate weights as 1, 2, ...

CREATE TABLE survey_units (
  unit INTEGER PRIMARY KEY,      -- the respondent's number, in file order
  source_row INTEGER,            -- its row in responses.csv, for messages
  stratum VARCHAR NOT NULL,      -- the first-stage stratum ('' when unstratified)
  psu VARCHAR NOT NULL,          -- the first-stage cluster, made unique across strata when nested
  ssu VARCHAR,                   -- the second-stage cluster within it (two-stage designs)
  fpc1 DOUBLE,                   -- first-stage population size, or sampling fraction (survey_design)
  fpc2 DOUBLE,                   -- second-stage likewise
  base_weight DOUBLE             -- the weight before calibration
);

CREATE TABLE survey_values (unit INTEGER, name VARCHAR, value DOUBLE);
CREATE TABLE survey_domains (unit INTEGER, domain VARCHAR, domain_value VARCHAR);
CREATE TABLE survey_weights (unit INTEGER, replicate INTEGER, weight DOUBLE);

-- What to estimate: each estimate of design.yaml in each of its domains.
-- complete lists the columns estimated together (design.yaml's `of` as a list), all of which a
-- respondent must have answered to count, as R's na.rm = TRUE drops incomplete rows.
CREATE TABLE survey_requests (
  request INTEGER, variable VARCHAR, statistic VARCHAR, "of" VARCHAR, denominator VARCHAR, domain VARCHAR,
  "group" VARCHAR, complete VARCHAR[]
);

-- One row: how the design reads (see design.yaml): whether each stage's fpc is a sampling
-- fraction (every value <= 1) rather than a population size, whether a second stage adds its
-- variance, how a stratum with one PSU is treated, and the replicate-weight settings.
CREATE TABLE survey_design (
  fpc1_fraction BOOLEAN, fpc2_fraction BOOLEAN, has_fpc1 BOOLEAN, two_stage BOOLEAN,
  lonely_psu VARCHAR, replicate_scale DOUBLE, replicate_mse BOOLEAN,
  min_respondents INTEGER, publish_e BOOLEAN, dominance_n INTEGER, dominance_k DOUBLE
);
CREATE TABLE survey_replicates (replicate INTEGER, rscale DOUBLE);
-- Calibration (design.yaml's calibrate): each respondent's category in each margin, and the
-- margins' population totals.
CREATE TABLE survey_calibration (unit INTEGER, margin VARCHAR, category VARCHAR);
CREATE TABLE survey_margins (margin VARCHAR, category VARCHAR, total DOUBLE);
-- The CV bands of the quality letters, as statistics agencies publish them (upper bounds, %).
CREATE TABLE survey_quality_bands (letter VARCHAR, below DOUBLE);
