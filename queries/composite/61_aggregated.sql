-- Aggregated scores, level 1: the normalised indicators, on which 63_aggregated_level.sql builds
-- level by level.
-- From normalised.

CREATE TABLE aggregated AS
SELECT region_code, year, node, 1 AS level, score
FROM normalised;
