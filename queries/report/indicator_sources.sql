-- Indicator sources: for every indicator, the codebook variables its formula uses, where their
-- numbers come from (variables.csv's source: the publication and table a reader can cite) and
-- the files of the data directory they were read from (named relative to it, never by the build
-- machine's path: published_path, src/intake/publishedPath.ts), for the "data source"
-- of the indicator pages. A
-- formula's variables are its tokens that name a codebook variable (formulas are checked on
-- intake, so every other token is a number or a function).
-- From framework, variables and observations.

WITH tokens AS (
  SELECT code AS indicator, unnest(regexp_split_to_array(formula, '[^A-Za-z0-9_]+')) AS token
  FROM framework
  WHERE formula IS NOT NULL
),
used AS (
  SELECT DISTINCT t.indicator, v.variable, v.dataset, v.name_zh, v.name_en, v.unit, v.description, v.source
  FROM tokens AS t
  JOIN variables AS v ON v.variable = t.token
),
files AS (
  SELECT variable, string_agg(DISTINCT published_path(source_file), '; ' ORDER BY published_path(source_file)) AS source_files, count(value)::INTEGER AS values_given
  FROM observations
  GROUP BY variable
)
SELECT u.indicator, u.variable, u.dataset, u.name_zh, u.name_en, u.unit, u.description, u.source, f.source_files, coalesce(f.values_given, 0) AS values_given
FROM used AS u
LEFT JOIN files AS f USING (variable)
ORDER BY u.indicator, u.variable;
