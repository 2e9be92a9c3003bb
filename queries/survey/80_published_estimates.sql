-- The estimates of every survey of a data directory, as the report publishes them
-- (out/data/estimates.csv, output contract), filled by src/survey/runSurveys.ts from each
-- survey's 70_estimates.sql. The estimates by region_code (and the whole population, as the
-- nation) of variables the codebook declares are also observations of the index.

CREATE TABLE survey_estimates (
  survey VARCHAR, year INTEGER, variable VARCHAR, statistic VARCHAR, domain VARCHAR, domain_value VARCHAR,
  estimate DOUBLE, se DOUBLE, ci_low DOUBLE, ci_high DOUBLE, cv DOUBLE, n_respondents INTEGER,
  quality VARCHAR, suppressed VARCHAR, deff DOUBLE
);

-- Each survey's design in brief, for its page (the design summary of ipindex estimate).
CREATE TABLE survey_summaries (
  survey VARCHAR, year INTEGER, respondents INTEGER, strata INTEGER, psus INTEGER, weight_total DOUBLE,
  clusters VARCHAR, variance VARCHAR, calibration VARCHAR, lonely_psu VARCHAR
);

-- The sampling error of each observation that came from a survey (a region's estimate of a
-- codebook variable, published, with a standard error and interval): what the uncertainty
-- analysis draws from (queries/uncertainty/60_sampling_draws.sql) and what the indicators'
-- intervals are carried from (queries/indicators/70_indicator_intervals.sql).
CREATE TABLE survey_sampling_errors (region_code VARCHAR, year INTEGER, variable VARCHAR, estimate DOUBLE, se DOUBLE, ci_low DOUBLE, ci_high DOUBLE);
