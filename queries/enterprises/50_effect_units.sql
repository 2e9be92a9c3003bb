-- The panel the effect of certification is estimated on (src/enterprises/runEnterprises.ts runs
-- 5* when enterprises/ has outcomes.csv). Every enterprise of the register with its cohort, the
-- year it was first certified (9999 for one never certified, so that "certified later than t"
-- reads cohort > t for it too); the cell it is compared within (method.yaml
-- enterprises.effect.within: its region, industry and size as chosen, all in one cell for
-- none), numbered; and the group it is dealt into for the bootstrap: a seeded hash of its id,
-- modulo the number of groups ($groups, at most one enterprise per group). Each enterprise is
-- numbered too (unit): the panel's millions of rows are keyed by numbers, not by ids.
-- From register_enterprises and certificate_life.

CREATE TABLE effect_units AS
WITH first AS (
  SELECT enterprise_id, year(min(valid_from)) AS cohort
  FROM certificate_life
  GROUP BY enterprise_id
),
sized AS (
  SELECT least($groups, (SELECT count(*) FROM register_enterprises)) AS groups
)
SELECT
  CAST(row_number() OVER (ORDER BY e.enterprise_id) AS INTEGER) AS unit,
  e.enterprise_id,
  coalesce(f.cohort, 9999) AS cohort,
  CAST(dense_rank() OVER (ORDER BY concat_ws('|',
    CASE WHEN list_contains(CAST($within AS VARCHAR[]), 'region_code') THEN e.region_code END,
    CASE WHEN list_contains(CAST($within AS VARCHAR[]), 'industry') THEN coalesce(e.industry, '') END,
    CASE WHEN list_contains(CAST($within AS VARCHAR[]), 'size') THEN e.size END)) AS INTEGER) AS stratum,
  CAST(hash(CAST($seed AS VARCHAR) || ' ' || e.enterprise_id) % (SELECT groups FROM sized) AS INTEGER) AS bucket
FROM register_enterprises AS e
LEFT JOIN first AS f USING (enterprise_id);
