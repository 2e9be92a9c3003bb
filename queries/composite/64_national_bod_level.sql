-- National scores of level $level by benefit of the doubt: the nation's children's scores, each
-- times the weight bod_weights chose for the nation against the regions' frontier, as
-- 63_bod_level.sql scores the regions. Above 100 only if the nation outscores every region under
-- its own best weights.
-- From bod_weights and national_aggregated.

INSERT INTO national_aggregated
SELECT b.year, b.node, $level AS level, fsum(b.weight * n.score) AS score
FROM bod_weights AS b
JOIN national_aggregated AS n ON n.year = b.year AND n.node = b.child
WHERE b.region_code IS NULL
  AND b.level = $level
  AND n.level = $level - 1
GROUP BY b.year, b.node;
