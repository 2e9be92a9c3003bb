-- Monte Carlo nodes: the framework's nodes numbered, so that the runs join on integers.
-- From framework.

CREATE OR REPLACE TABLE mc_nodes AS
WITH numbered AS (
  SELECT CAST(row_number() OVER (ORDER BY level, code) AS INTEGER) AS node_id, code, parent, level
  FROM framework
)
SELECT n.node_id, n.code, n.level, p.node_id AS parent_id
FROM numbered AS n
LEFT JOIN numbered AS p ON p.code = n.parent
ORDER BY n.node_id;
