-- Weights: step 6 of the composite engine, the weight of each node within its parent, before
-- any renormalisation for missing children. Created empty; 62_weights_level.sql fills it level
-- by level, since PCA weights of a level need the aggregated scores of the level below.

CREATE TABLE weights (
  code   VARCHAR PRIMARY KEY,
  parent VARCHAR NOT NULL,
  level  INTEGER NOT NULL,
  weight DOUBLE NOT NULL
);
