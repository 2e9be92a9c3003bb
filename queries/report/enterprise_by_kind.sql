-- Enterprises of the register and those certified at the end of the latest year, by industry
-- (GB/T 4754 division) and by size, nationally: where certification has reached. Counts of the
-- public register, published as they are.
-- From register_enterprises, certificate_life and enterprise_counts.

WITH latest AS (
  SELECT max(year) AS year FROM enterprise_counts
),
certified AS (
  SELECT DISTINCT l.enterprise_id
  FROM certificate_life AS l
  WHERE l.valid_from <= make_date((SELECT year FROM latest), 12, 31)
    AND make_date((SELECT year FROM latest), 12, 31) < l.valid_until
),
marked AS (
  SELECT e.*, e.enterprise_id IN (SELECT enterprise_id FROM certified) AS certified
  FROM register_enterprises AS e
)
SELECT 'size' AS by, size AS value, count(*) AS enterprises, count(*) FILTER (WHERE certified) AS certified, (SELECT year FROM latest) AS year
FROM marked
GROUP BY size
UNION ALL
SELECT 'industry', coalesce(industry, ''), count(*), count(*) FILTER (WHERE certified), (SELECT year FROM latest)
FROM marked
GROUP BY industry
ORDER BY 1, 3 DESC, 2;
