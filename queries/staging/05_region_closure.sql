-- Every region of regions.csv with every region it lies in, itself included (a prefecture in
-- its province), and the nation (100000) above all: an enterprise, body, training figure or institution of a
-- region counts for each of them, so that regions at any level add up (rolled up through
-- parent_code).
-- From regions.

CREATE TABLE region_closure AS
WITH RECURSIVE up(region_code, within) AS (
  SELECT region_code, region_code FROM regions
  UNION ALL
  SELECT u.region_code, r.parent_code
  FROM up AS u
  JOIN regions AS r ON r.region_code = u.within
  WHERE r.parent_code IS NOT NULL AND r.parent_code <> ''
)
SELECT DISTINCT region_code, within FROM up
UNION
SELECT region_code, '100000' FROM regions;
