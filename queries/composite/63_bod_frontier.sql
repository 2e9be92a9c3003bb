-- The scores a level's benefit of the doubt is solved from (method.yaml aggregate: bod; the
-- linear programme is in src/composite/benefitOfTheDoubt.ts): each region's scores on the
-- children of every node of level $level, and the nation's (region_code NULL), year by year.
-- The regions that have a score on every child of the node that year form the frontier; a
-- region missing one gets no BoD score for the node (its weights would be chosen from other
-- children than its peers'). The nation is measured against the regions' frontier but does not
-- shape it.
-- From aggregated, national_aggregated and weights.

SELECT s.region_code, s.year, w.parent AS node, s.node AS child, s.score
FROM aggregated AS s
JOIN weights AS w ON w.code = s.node
WHERE s.level = $level - 1
  AND s.score IS NOT NULL
UNION ALL
SELECT NULL, n.year, w.parent, n.node, n.score
FROM national_aggregated AS n
JOIN weights AS w ON w.code = n.node
WHERE n.level = $level - 1
  AND n.score IS NOT NULL
ORDER BY year, node, region_code NULLS LAST, child;
