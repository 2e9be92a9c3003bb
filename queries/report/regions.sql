-- Regions: the regions the report ranks, in code order, for every page that names a region.
-- From regions. National totals (region_code 100000) are observations, not regions, and are
-- not listed here.

SELECT region_code, name_zh, name_en, level, parent_code, zone
FROM regions
ORDER BY region_code;
