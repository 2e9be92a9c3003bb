-- Post-stratification: each respondent's weight times N_g / N^_g, the post-stratum's
-- population total (survey_margins) over its weighted count, so that the weights of each
-- post-stratum add up to its total (R's postStratify). Runs only for a post-stratified design.

UPDATE survey_weights AS w SET weight = w.weight * g.total / g.weighted
FROM (
  SELECT u.unit, m.total, sum(u.base_weight) OVER (PARTITION BY u.poststratum) AS weighted
  FROM survey_units AS u
  JOIN survey_margins AS m USING (poststratum)
) AS g
WHERE w.unit = g.unit AND w.replicate = 0;
