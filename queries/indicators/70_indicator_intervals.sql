-- The 95% interval of each indicator value that rests on a survey estimate, on the indicator's
-- own scale: the indicator computed again with the estimate at the low and at the high end of
-- its published interval (60_perturbed_wide.sql, keys 1 and 2), the lower of the two results as
-- the low end. For a formula monotone in the estimate (a share, a rate per head, x 100) this is
-- the interval itself, carried through the formula; with two estimates in one formula it moves
-- both together, an approximation. Only the estimate's own year: a lag() of an estimate gets no
-- interval. For the indicator and region pages' error bars.
-- From indicator_bound_values (the compiled formulas over perturbed_wide) and survey_sampling_errors.

CREATE TABLE indicator_intervals AS
SELECT v.region_code, v.year, v.indicator, min(v.value) AS ci_low, max(v.value) AS ci_high
FROM indicator_bound_values AS v
SEMI JOIN survey_sampling_errors AS e ON e.region_code = v.region_code AND e.year = v.year
WHERE isfinite(v.value)
GROUP BY v.region_code, v.year, v.indicator
HAVING count(*) = 2
ORDER BY v.region_code, v.year, v.indicator;
