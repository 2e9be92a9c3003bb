-- Aggregated scores of level $level by benefit of the doubt (method.yaml aggregate: bod),
-- Compind's ci_bod as COINr's Aggregate() uses it: a region's score is the sum of its children's
-- scores, each times the weight bod_weights chose for that region, the weights that give the
-- region its highest score while no region of the frontier scores above 100 with them. Scores run
-- from 0 to 100, in percent of the frontier (Compind's efficiency from 0 to 1, times 100, so that
-- a BoD level reads on the scale of the normalised scores and the pages' one decimal says
-- something); 100 is the frontier, a region no weighting puts behind any other.
-- From bod_weights and aggregated.

INSERT INTO aggregated
SELECT b.region_code, b.year, b.node, $level AS level, fsum(b.weight * s.score) AS score
FROM bod_weights AS b
JOIN aggregated AS s ON s.region_code = b.region_code AND s.year = b.year AND s.node = b.child
WHERE b.level = $level
  AND s.level = $level - 1
GROUP BY b.region_code, b.year, b.node;
