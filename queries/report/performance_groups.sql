-- Performance groups of the index: each region's index as a percentage of the reference and its
-- group (leader, strong, moderate, emerging; composite/82_performance_groups.sql), for the
-- overview. Run only when the composite engine has produced the table performance_groups.
-- From performance_groups, framework and regions.

SELECT g.region_code, g.year, g.relative, g."group"
FROM performance_groups AS g
JOIN framework AS f ON f.code = g.node
JOIN regions AS r USING (region_code)
WHERE f.parent IS NULL
ORDER BY g.year, g.region_code;
