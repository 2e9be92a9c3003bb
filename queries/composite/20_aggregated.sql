-- Aggregated scores, level 1: the normalised indicators, which 21_aggregated_level.sql builds upon, level by level.

CREATE TABLE aggregated AS
SELECT region_code, year, node, 1 AS level, score
FROM normalised;
