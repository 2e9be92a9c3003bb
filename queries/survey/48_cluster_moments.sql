-- The influence totals of a clustered design, stage by stage: each cluster's total z at every
-- stage is the sum of its innermost clusters' (survey_cluster_z, through survey_lineage), and
-- each parent's sum and sum of squares of its clusters' totals are what that stage's variance
-- needs (50_linearised_variance.sql). A cluster with no respondent of the domain has z = 0 and
-- adds nothing to either sum (it still counts among its parent's n).

INSERT INTO survey_moments (request, domain_value, stage, parent, sum_z, sum_z2)
SELECT request, domain_value, stage, parent, sum(z) AS sum_z, sum(z * z) AS sum_z2
FROM (
  SELECT c.request, c.domain_value, l.stage, l.ancestor, any_value(l.parent) AS parent, sum(c.z) AS z
  FROM survey_cluster_z AS c
  JOIN survey_lineage AS l USING (cluster)
  GROUP BY c.request, c.domain_value, l.stage, l.ancestor
)
GROUP BY request, domain_value, stage, parent;
