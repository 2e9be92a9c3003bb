-- The values queries/indicators/60_perturbed_wide.sql puts in place of the survey estimates in
-- each Monte Carlo run: the run's draws (60_sampling_draws.sql), the run as the key. The
-- variables to widen are filled in by src/uncertainty/runUncertainty.ts.
-- From mc_sampling_draws.

CREATE OR REPLACE VIEW perturbed_values AS
SELECT run AS key, region_code, year, variable, value
FROM mc_sampling_draws;

CREATE OR REPLACE TABLE perturbed_variables (variable VARCHAR);
