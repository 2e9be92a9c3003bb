-- Normalise methods: the normalisation methods this run computes scores for, filled by
-- src/composite/runComposite.ts from method.yaml: normalise.method (is_main) and the
-- alternatives the uncertainty analysis draws from (uncertainty.normalise).

CREATE TABLE normalise_methods (
  method  VARCHAR PRIMARY KEY,
  is_main BOOLEAN NOT NULL
);
