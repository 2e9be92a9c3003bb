-- The calibrated influence of each respondent (44_residual_influence.sql) summed as the
-- variance needs it: by stratum when respondents are sampled directly (each its own PSU), by
-- innermost cluster otherwise (48_cluster_moments.sql takes it from there).

INSERT INTO survey_moments (request, domain_value, stage, parent, sum_z, sum_z2)
SELECT i.request, i.domain_value, 1 AS stage, u.stratum AS parent, sum(i.z) AS sum_z, sum(i.z * i.z) AS sum_z2
FROM survey_calibrated_influence AS i
JOIN survey_units AS u ON u.rowid = i.unit
WHERE u.cluster IS NULL
GROUP BY i.request, i.domain_value, u.stratum;

INSERT INTO survey_cluster_z (request, domain_value, cluster, z)
SELECT i.request, i.domain_value, u.cluster, sum(i.z) AS z
FROM survey_calibrated_influence AS i
JOIN survey_units AS u ON u.rowid = i.unit
WHERE u.cluster IS NOT NULL
GROUP BY i.request, i.domain_value, u.cluster;
