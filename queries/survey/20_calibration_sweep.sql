-- One step of calibration, on one margin ($margin): the weights of each of its categories c
-- are made to add up to its population total N_c. Raking ($method = 'rake') multiplies them by
-- N_c / sum w (iterative proportional fitting: its fixed point is the raking estimator, R's
-- calibrate with calfun = "raking"); linear calibration adds d0 (N_c - sum w) / sum d0, in
-- proportion to the weights d0 before calibration (projection onto the margin in the chi-square
-- distance: cycling through the margins converges to the GREG weights, R's calfun = "linear").
-- Post-stratification is either with one margin, met in a single step.
-- src/survey/calibrate.ts cycles through the margins until 21_calibration_misfit.sql is small.

UPDATE survey_units AS u
SET weight = CASE WHEN $method = 'rake' THEN u.weight * a.total / a.weighted
                  ELSE u.weight + u.base_weight * (a.total - a.weighted) / a.base END
FROM (
  SELECT c.unit, g.total, g.weighted, g.base
  FROM survey_calibration AS c
  JOIN (
    SELECT c.category, any_value(m.total) AS total, sum(u.weight) AS weighted, sum(u.base_weight) AS base
    FROM survey_calibration AS c
    JOIN survey_units AS u ON u.rowid = c.unit
    JOIN survey_margins AS m ON m.margin = c.margin AND m.category = c.category
    WHERE c.margin = $margin
    GROUP BY c.category
  ) AS g ON g.category = c.category
  WHERE c.margin = $margin
) AS a
WHERE u.rowid = a.unit;
