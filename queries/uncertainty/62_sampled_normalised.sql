-- Normalised scores of the indicators a drawn survey estimate reaches, run by run: the
-- indicator computed from the run's draws (mc_sampled_run_values, the compiled formulas over
-- queries/indicators/60_perturbed_wide.sql, the run as key) in place of the published one, then normalised with the
-- run's method exactly as queries/composite/50_normalised_methods.sql normalises (the scale of
-- each indicator and year taken again over the run's values, normalised_score for the formula).
-- A point the composite engine imputed or treated (winsorised, or a log-transformed series)
-- keeps its published value in every run: its sampling error is not drawn (the methodology
-- page says so). Only the region-years whose own draws feed them change: an estimate's year
-- and the next (a lag).
-- From mc_runs, mc_units, mc_sampling_draws, mc_sampled_run_values, treated, imputed,
-- framework and national_treated.

CREATE OR REPLACE TABLE mc_sampled_normalised AS
WITH reached AS (
  SELECT DISTINCT run, region_code, year + k.shift AS year
  FROM mc_sampling_draws
  CROSS JOIN (VALUES (0), (1)) AS k(shift)
),
drawn AS (
  SELECT v.key AS run, v.region_code, v.year, v.indicator, v.value
  FROM mc_sampled_run_values AS v
  SEMI JOIN reached AS c ON c.run = v.key AND c.region_code = v.region_code AND c.year = v.year
  WHERE isfinite(v.value)
),
run_values AS (
  SELECT
    r.run,
    r.normalise AS method,
    t.region_code,
    t.year,
    t.indicator,
    CASE WHEN t.treatment IS NULL AND NOT i.imputed THEN coalesce(d.value, t.value) ELSE t.value END AS value
  FROM mc_runs AS r
  CROSS JOIN treated AS t
  JOIN imputed AS i USING (region_code, year, indicator)
  LEFT JOIN drawn AS d ON d.run = r.run AND d.region_code = t.region_code AND d.year = t.year AND d.indicator = t.indicator
  WHERE t.indicator IN (SELECT DISTINCT indicator FROM mc_sampled_run_values)
    AND ($over = 'all' OR t.year IN (SELECT year FROM mc_units))
),
directed AS (
  SELECT
    v.run,
    v.method,
    v.region_code,
    v.year,
    v.indicator,
    f.direction,
    v.value,
    v.value * f.direction AS x,
    f.target * f.direction AS goal,
    CASE WHEN $over = 'year' THEN v.year END AS scope,
    nat.value AS national
  FROM run_values AS v
  JOIN framework AS f ON f.code = v.indicator
  LEFT JOIN national_treated AS nat ON nat.indicator = v.indicator AND nat.year = v.year
),
scaled AS (
  SELECT
    *,
    min(x) OVER w AS lo,
    max(x) OVER w AS hi,
    favg(x) OVER w AS mean,
    stddev_samp(x) OVER w AS sd,
    count(x) OVER w AS n,
    rank() OVER (PARTITION BY run, indicator, scope ORDER BY x ASC NULLS LAST) AS r,
    CASE $reference
      WHEN 'mean' THEN favg(CASE WHEN $reference = 'mean' THEN value END) OVER w
      WHEN 'median' THEN median(CASE WHEN $reference = 'median' THEN value END) OVER w
      WHEN 'national' THEN national
      ELSE favg(CASE WHEN region_code = $reference THEN value END) OVER w
    END AS ref
  FROM directed
  WINDOW w AS (PARTITION BY run, indicator, scope)
)
SELECT
  s.run,
  u.unit_id,
  s.indicator AS node,
  normalised_score(s.method, s.x, s.value, s.lo, s.hi, s.mean, s.sd, s.n, s.r, s.goal, s.ref, s.direction, $lower, $upper, $zmean, $zsd) AS score
FROM scaled AS s
JOIN mc_units AS u USING (region_code, year)
ORDER BY s.run, u.unit_id, s.indicator;
