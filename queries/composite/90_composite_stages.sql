-- Composite stages: every value at every stage of the composite engine, long, so that a
-- statistician can follow a number from its formula to the index (and so that the COINr
-- conformance test can compare each stage): denominated (the formula), imputed, screened (the
-- imputed values of the regions and indicators kept), treated, normalised, aggregated (every
-- level, the indicators' normalised scores included, as COINr's dset_Aggregated).
-- From indicators_denominated, imputed, screening, indicator_screening, treated, normalised and
-- aggregated.

CREATE TABLE composite_stages AS
SELECT 'denominated' AS stage, region_code, year, indicator AS node, value
FROM indicators_denominated
UNION ALL
SELECT 'imputed', region_code, year, indicator, value
FROM imputed
UNION ALL
SELECT 'screened', i.region_code, i.year, i.indicator, i.value
FROM imputed AS i
JOIN screening AS s USING (region_code, year)
JOIN indicator_screening AS k USING (indicator, year)
WHERE s.kept AND k.kept
UNION ALL
SELECT 'treated', region_code, year, indicator, value
FROM treated
UNION ALL
SELECT 'normalised', region_code, year, node, score
FROM normalised
UNION ALL
SELECT 'aggregated', region_code, year, node, score
FROM aggregated;
