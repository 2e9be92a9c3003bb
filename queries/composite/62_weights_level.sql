-- Weights of the children of level $level (method.yaml weights.method):
--   framework  the weight column of framework.csv;
--   equal      1 for every child;
--   pca        the squared loadings of the first principal component of the children's scores
--              (the dominant eigenvector of their correlation matrix over all regions and years,
--              by power iteration), which sum to 1 within each parent: each child weighs as much
--              as it shares the common direction of its siblings (OECD/JRC Handbook on
--              Constructing Composite Indicators, 2008, section 6.1). A pair without a correlation
--              (no spread) counts as uncorrelated.
--   pca_signed the loadings themselves, signed (the first component as a unit vector, as COINr's
--              get_PCA takes prcomp's rotation[, 1]): they sum of squares to 1, and a child
--              running against its siblings weighs below 0. The vector's sign is a convention
--              (R's leaves it to its SVD): its largest loading is positive.
-- From framework and aggregated (the scores of level $level - 1).

INSERT INTO weights
WITH RECURSIVE
children AS (
  SELECT code, parent, level, weight
  FROM framework
  WHERE level = $level - 1
),
correlations AS (
  SELECT
    a.parent,
    a.code AS i,
    b.code AS j,
    CASE WHEN a.code = b.code THEN 1 WHEN isfinite(corr(sa.score, sb.score)) THEN corr(sa.score, sb.score) ELSE 0 END AS c
  FROM children AS a
  JOIN children AS b ON b.parent = a.parent
  LEFT JOIN aggregated AS sa ON $method IN ('pca', 'pca_signed') AND sa.node = a.code
  LEFT JOIN aggregated AS sb ON sb.node = b.code AND sb.region_code = sa.region_code AND sb.year = sa.year
  WHERE $method IN ('pca', 'pca_signed')
  GROUP BY a.parent, a.code, b.code
),
squared(step, parent, i, j, m) AS (
  -- C^(2^40) by repeated squaring, rescaled at each step: every column of it points along the
  -- dominant eigenvector (power iteration, 2^40 times over, in 40 steps).
  SELECT 0, parent, i, j, c
  FROM correlations
  UNION ALL
  SELECT step, parent, i, j, m / max(abs(m)) OVER (PARTITION BY parent)
  FROM (
    SELECT a.step + 1 AS step, a.parent, a.i, b.j, sum(a.m * b.m) AS m
    FROM squared AS a
    JOIN squared AS b ON b.parent = a.parent AND b.i = a.j
    WHERE a.step < 40
    GROUP BY a.step, a.parent, a.i, b.j
  )
),
columns AS (
  SELECT parent, j, sqrt(sum(m * m)) AS norm
  FROM squared
  WHERE step = 40
  GROUP BY parent, j
),
longest AS (
  SELECT parent, arg_max(j, norm) AS j, max(norm) AS norm
  FROM columns
  GROUP BY parent
),
loadings AS (
  -- The longest column of C^(2^40) is the eigenvector times its largest component's sign: so
  -- signed, its largest loading is positive.
  SELECT s.parent, s.i AS code, (s.m / l.norm) * (s.m / l.norm) AS weight, s.m / l.norm AS signed
  FROM squared AS s
  JOIN longest AS l ON l.parent = s.parent AND l.j = s.j
  WHERE s.step = 40
)
SELECT
  c.code,
  c.parent,
  c.level,
  CASE $method
    WHEN 'framework' THEN c.weight
    WHEN 'equal' THEN 1
    WHEN 'pca' THEN l.weight
    WHEN 'pca_signed' THEN l.signed
  END AS weight
FROM children AS c
LEFT JOIN loadings AS l USING (code);
