-- The survey as the estimators read it. survey_units, one row per respondent and one column
-- per design or analysis column, is created by the reader of responses.csv with the design's
-- columns (src/survey/responseTable.ts says what each is); the tables here are the same for
-- every design. src/survey/loadResponses.ts fills the design's settings; the scans of
-- survey_units (src/survey/cellSums.ts, influenceSums.ts) fill the sums, in one or two passes.

-- What to estimate: each estimate of design.yaml, one row per column of its `of`, in each
-- value of its domain column (src/survey/surveyRequests.ts).
CREATE TABLE survey_requests (
  request INTEGER, variable VARCHAR, statistic VARCHAR, "of" VARCHAR, denominator VARCHAR, domain VARCHAR
);

-- One row: how the design reads (see design.yaml): the number of stages of clusters, how a
-- stratum with one PSU is treated, the replicate-weight settings, disclosure control.
CREATE TABLE survey_design (
  stages INTEGER, lonely_psu VARCHAR, replicate_scale DOUBLE, replicate_mse BOOLEAN,
  min_respondents INTEGER, publish_e BOOLEAN, dominance_n INTEGER, dominance_k DOUBLE
);
CREATE TABLE survey_replicates (replicate INTEGER, rscale DOUBLE);
-- Calibration (design.yaml's calibrate): each respondent's category in each margin, and the
-- margins' population totals.
-- unit is the respondent's rowid in survey_units.
CREATE TABLE survey_calibration (unit BIGINT, margin VARCHAR, category VARCHAR);
CREATE TABLE survey_margins (margin VARCHAR, category VARCHAR, total DOUBLE);
-- The CV bands of the quality letters, as statistics agencies publish them (upper bounds, %).
CREATE TABLE survey_quality_bands (letter VARCHAR, below DOUBLE);

-- The sample's units at each stage (src/survey/stageCounts.ts): for stage 1, each stratum
-- (parent) with the number of PSUs sampled in it (n) and its fpc as given; for stage k, each
-- cluster of stage k - 1 with the number of stage-k clusters sampled in it and their fpc.
-- grandparent is the parent's own parent (its row at stage k - 1); first_row the first
-- respondent's row, for messages; fraction whether the stage's fpc is a sampling fraction.
CREATE TABLE survey_stage_counts (
  stage INTEGER, parent VARCHAR, grandparent VARCHAR, n BIGINT, fpc DOUBLE, fraction BOOLEAN, first_row INTEGER
);
-- Stage-1 clusters found in more than one stratum (a problem unless nest: true).
CREATE TABLE survey_unnested (cluster VARCHAR, strata BIGINT, first_row INTEGER);
-- Each innermost cluster's ancestor at every stage and the unit that ancestor was sampled
-- within (its parent: the stratum at stage 1), for the roll-up of cluster totals.
CREATE TABLE survey_lineage (cluster VARCHAR, stage INTEGER, ancestor VARCHAR, parent VARCHAR);

-- The first pass (src/survey/cellSums.ts): Horvitz-Thompson sums of each request in each
-- domain cell under each set of weights (replicate 0 is the full sample), over the respondents
-- who answered: n, sum w, sum w y, sum w x; for totals the sum of |w y| and its largest terms;
-- split by stratum when respondents are sampled directly (else stratum is NULL), with, for
-- totals, sum (w y)^2 and sum w y^2 (35_total_moments.sql).
CREATE TABLE survey_cell_sums (
  request INTEGER, domain_value VARCHAR, stratum VARCHAR, replicate INTEGER,
  n BIGINT, sw DOUBLE, swy DOUBLE, swx DOUBLE, contributions DOUBLE, largest DOUBLE[], swyy DOUBLE, wyy DOUBLE
);
-- The second pass (src/survey/influenceSums.ts): the influence totals z, by stratum (the sum
-- and sum of squares of the PSU totals of a stage within each parent, survey_moments), by
-- innermost cluster (survey_cluster_z), or by respondent (survey_influence, for calibration);
-- with the weighted squared deviations from each cell's mean, sum w (y - mean)^2 (squares),
-- that the design effect compares with. Each design fills one of the three with squares.
CREATE TABLE survey_moments (request INTEGER, domain_value VARCHAR, stage INTEGER, parent VARCHAR, sum_z DOUBLE, sum_z2 DOUBLE, squares DOUBLE);
CREATE TABLE survey_cluster_z (request INTEGER, domain_value VARCHAR, cluster VARCHAR, z DOUBLE, squares DOUBLE);
CREATE TABLE survey_influence (request INTEGER, domain_value VARCHAR, unit BIGINT, z DOUBLE, squares DOUBLE);
CREATE VIEW survey_srs AS
SELECT request, domain_value, sum(squares) AS squares
FROM (
  SELECT request, domain_value, squares FROM survey_moments
  UNION ALL SELECT request, domain_value, squares FROM survey_cluster_z
  UNION ALL SELECT request, domain_value, squares FROM survey_influence
)
WHERE squares IS NOT NULL
GROUP BY request, domain_value;
