-- The register's regional figures, by region (every region of regions.csv and the nation,
-- queries/staging/05_region_closure.sql) and year, long: what framework formulas read as codebook variables
-- (src/enterprises/runEnterprises.ts adds those the codebook declares to the observations).
-- "At year end" is 31 December. The years are those of the other observations of the data
-- directory, or, with none, those the certificates span. A region without enterprises in the
-- register counts 0 of each; without service_bodies.csv ($has_bodies false) there are no body
-- counts, and a region-year that training.csv does not give has no training figures (missing,
-- never 0).
--   register_enterprises            enterprises in the register
--   register_high_tech              of which high-tech enterprises by then (high_tech_from <= year)
--   certified_enterprises           enterprises with a certificate in force at year end
--   newly_certified_enterprises     enterprises first certified in the year
--   certified_high_tech             certified at year end and high-tech by then
--   certified_smes                  certified at year end, of size medium, small or micro
--   certified_state_owned           certified at year end, state-owned
--   certificates_in_force           certificates in force at year end
--   certificates_suspended_withdrawn  certificates suspended or withdrawn in the year
--   certification_bodies, consulting_bodies, training_bodies
--                                   service bodies accredited at year end
--   internal_auditors_trained, certification_auditors_registered
--                                   training.csv's figures of the year, summed over the region's own
--                                   rows and those of the regions within it
-- From register_enterprises, certificate_life, register_service_bodies, register_training,
-- region_closure and observations_raw. ($has_bodies: whether service_bodies.csv was given.)

CREATE TABLE enterprise_counts AS
WITH span AS (
  SELECT
    coalesce((SELECT min(year) FROM observations_raw), (SELECT min(year(valid_from)) FROM certificate_life)) AS first,
    coalesce((SELECT max(year) FROM observations_raw), (SELECT max(year(valid_from)) FROM certificate_life)) AS last
),
years AS (
  SELECT CAST(range AS INTEGER) AS year, make_date(CAST(range AS INTEGER), 12, 31) AS year_end
  FROM range((SELECT first FROM span), (SELECT last FROM span) + 1)
),
regions_years AS (
  SELECT r.region_code, y.year, y.year_end
  FROM (SELECT DISTINCT within AS region_code FROM region_closure) AS r
  CROSS JOIN years AS y
),
-- The register in kinds of enterprise (few rows): what the register counts need.
kinds AS (
  SELECT region_code, high_tech_from, count(*) AS enterprises
  FROM register_enterprises
  GROUP BY ALL
),
register AS (
  SELECT
    c.within AS region_code,
    y.year,
    sum(k.enterprises) AS register_enterprises,
    coalesce(sum(k.enterprises) FILTER (WHERE k.high_tech_from <= y.year), 0) AS register_high_tech
  FROM kinds AS k
  JOIN region_closure AS c USING (region_code)
  CROSS JOIN years AS y
  GROUP BY ALL
),
-- Each certified enterprise at the end of each year it was certified at (few rows too).
in_force AS (
  SELECT y.year, l.enterprise_id, count(*) AS certificates
  FROM years AS y
  JOIN certificate_life AS l ON l.valid_from <= y.year_end AND y.year_end < l.valid_until
  GROUP BY y.year, l.enterprise_id
),
certified AS (
  SELECT
    c.within AS region_code,
    f.year,
    count(*) AS certified_enterprises,
    count(*) FILTER (WHERE e.high_tech_from <= f.year) AS certified_high_tech,
    count(*) FILTER (WHERE e.size IN ('medium', 'small', 'micro')) AS certified_smes,
    count(*) FILTER (WHERE e.ownership = 'state') AS certified_state_owned,
    sum(f.certificates) AS certificates_in_force
  FROM in_force AS f
  JOIN register_enterprises AS e USING (enterprise_id)
  JOIN region_closure AS c USING (region_code)
  GROUP BY ALL
),
newly AS (
  SELECT c.within AS region_code, n.year, count(*) AS newly_certified_enterprises
  FROM (
    SELECT enterprise_id, year(min(valid_from)) AS year
    FROM certificate_life
    GROUP BY enterprise_id
  ) AS n
  JOIN register_enterprises AS e USING (enterprise_id)
  JOIN region_closure AS c USING (region_code)
  GROUP BY ALL
),
ended AS (
  SELECT c.within AS region_code, year(l.status_date) AS year, count(*) AS certificates_suspended_withdrawn
  FROM certificate_life AS l
  JOIN register_enterprises AS e USING (enterprise_id)
  JOIN region_closure AS c USING (region_code)
  WHERE l.status IN ('suspended', 'withdrawn')
  GROUP BY ALL
),
by_enterprise AS (
  SELECT
    y.region_code,
    y.year,
    coalesce(r.register_enterprises, 0) AS register_enterprises,
    coalesce(r.register_high_tech, 0) AS register_high_tech,
    coalesce(f.certified_enterprises, 0) AS certified_enterprises,
    coalesce(n.newly_certified_enterprises, 0) AS newly_certified_enterprises,
    coalesce(f.certified_high_tech, 0) AS certified_high_tech,
    coalesce(f.certified_smes, 0) AS certified_smes,
    coalesce(f.certified_state_owned, 0) AS certified_state_owned,
    coalesce(f.certificates_in_force, 0) AS certificates_in_force,
    coalesce(d.certificates_suspended_withdrawn, 0) AS certificates_suspended_withdrawn
  FROM regions_years AS y
  LEFT JOIN register AS r USING (region_code, year)
  LEFT JOIN certified AS f USING (region_code, year)
  LEFT JOIN newly AS n USING (region_code, year)
  LEFT JOIN ended AS d USING (region_code, year)
),
accredited AS (
  SELECT c.within AS region_code, b.kind, b.accredited_from, b.accredited_to
  FROM register_service_bodies AS b
  JOIN region_closure AS c USING (region_code)
),
bodies AS (
  SELECT
    y.region_code,
    y.year,
    count(*) FILTER (WHERE b.kind = 'certification') AS certification_bodies,
    count(*) FILTER (WHERE b.kind = 'consulting') AS consulting_bodies,
    count(*) FILTER (WHERE b.kind = 'training') AS training_bodies
  FROM regions_years AS y
  LEFT JOIN accredited AS b
    ON b.region_code = y.region_code AND b.accredited_from <= y.year_end AND (b.accredited_to IS NULL OR b.accredited_to >= y.year_end)
  WHERE $has_bodies
  GROUP BY y.region_code, y.year
),
training AS (
  SELECT
    c.within AS region_code,
    t.year,
    sum(t.internal_auditors_trained) AS internal_auditors_trained,
    sum(t.certification_auditors_registered) AS certification_auditors_registered
  FROM register_training AS t
  JOIN region_closure AS c USING (region_code)
  WHERE t.year IN (SELECT year FROM years)
  GROUP BY c.within, t.year
),
wide AS (
  SELECT
    e.region_code,
    e.year,
    e.* EXCLUDE (region_code, year),
    b.* EXCLUDE (region_code, year),
    t.* EXCLUDE (region_code, year)
  FROM by_enterprise AS e
  LEFT JOIN bodies AS b ON b.region_code = e.region_code AND b.year = e.year
  LEFT JOIN training AS t ON t.region_code = e.region_code AND t.year = e.year
)
UNPIVOT (
  SELECT region_code, year, COLUMNS(* EXCLUDE (region_code, year))::DOUBLE FROM wide
) ON COLUMNS(* EXCLUDE (region_code, year)) INTO NAME variable VALUE value
ORDER BY region_code, year, variable;
