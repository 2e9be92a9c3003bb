-- Normalised scores: the scores of the method method.yaml names (normalise.method), one per
-- region, year and indicator kept by screening, higher always better.
-- From normalised_methods and normalise_methods.

CREATE TABLE normalised AS
SELECT n.region_code, n.year, n.node, n.score
FROM normalised_methods AS n
JOIN normalise_methods AS m USING (method)
WHERE m.is_main
ORDER BY n.region_code, n.year, n.node;
