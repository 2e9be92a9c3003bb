-- Uncertainty choices: the methods the Monte Carlo draws from at each run, filled by
-- src/uncertainty/runUncertainty.ts from method.yaml (uncertainty.normalise,
-- uncertainty.aggregate). ord numbers the choices of a kind from 0. The aggregation choice
-- 'configured' stands for the method.yaml method of each level (aggregate.method/levels).
-- Every table of queries/uncertainty/ is created or replaced, so that the analysis can run again
-- on the same database (with other settings, or in the bench).

CREATE OR REPLACE TABLE uncertainty_choices (
  kind   VARCHAR NOT NULL,   -- normalise | aggregate
  ord    INTEGER NOT NULL,
  method VARCHAR NOT NULL,
  PRIMARY KEY (kind, ord)
);

-- The results of a run before, which runUncertainty.ts renamed from uncertainty, and the
-- sampled runs' indicator values, which the compiled formulas create (CREATE TABLE): the new
-- run's take their names.
DROP TABLE IF EXISTS uncertainty_without_sampling;
DROP TABLE IF EXISTS uncertainty_with_sampling;
DROP TABLE IF EXISTS mc_sampled_run_values;

-- The level-2 nodes' children that differ from run to run where survey estimates are drawn
-- (63_sampled_children.sql): none unless an indicator rests on a survey. Its columns are those
-- of mc_children (40_mc_children.sql) with the run in place of the normalisation.
CREATE OR REPLACE TABLE mc_sampled_children (
  run INTEGER, unit_id INTEGER, year INTEGER, parent_id INTEGER, grandparent_id INTEGER,
  scores DOUBLE[], present DOUBLE[], logs DOUBLE[], inverses DOUBLE[], powers DOUBLE[], lowest DOUBLE
);
