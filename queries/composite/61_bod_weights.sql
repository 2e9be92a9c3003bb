-- Benefit-of-the-doubt weights (method.yaml aggregate: bod, at any level): for each region of a
-- year, and the nation (region_code NULL), the weights of a node's children that show it in its
-- best light, solved by src/composite/benefitOfTheDoubt.ts from 63_bod_frontier.sql's scores,
-- in points: the weights of the linear programme times 100, so that a score is the sum of
-- weight x child's score, in percent of the frontier.
-- 63_bod_level.sql and 64_national_bod_level.sql score with them; published as bod_weights so
-- that a reader sees which children each region's BoD score leans on. Empty unless a level
-- aggregates by BoD.

CREATE TABLE bod_weights (
  region_code VARCHAR,
  year INTEGER,
  node VARCHAR,
  level INTEGER,
  child VARCHAR,
  weight DOUBLE
);
