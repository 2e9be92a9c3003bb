-- Each stage's population and sample sizes, from the data: n_h is the number of distinct
-- first-stage clusters (PSUs) of stratum h in the whole sample (a domain never changes it: a
-- PSU with no respondent of the domain counts with a total of 0), N_h the fpc as a population
-- size (a fraction f gives N = n / f); m_i and M_i the same for the second-stage units of PSU i.
-- Missing weights come from the fpcs (w = N/n x M/m), as R's survey package derives them.

CREATE TABLE survey_strata AS
SELECT
  stratum,
  count(DISTINCT psu) AS n_psu,
  CASE WHEN (SELECT fpc1_fraction FROM survey_design) THEN count(DISTINCT psu) / any_value(fpc1) ELSE any_value(fpc1) END AS pop_psu
FROM survey_units
GROUP BY stratum;

CREATE TABLE survey_psus AS
SELECT
  psu,
  any_value(stratum) AS stratum,
  count(DISTINCT ssu) AS n_ssu,
  CASE WHEN (SELECT fpc2_fraction FROM survey_design) THEN count(DISTINCT ssu) / any_value(fpc2) ELSE any_value(fpc2) END AS pop_ssu
FROM survey_units
GROUP BY psu;

INSERT INTO survey_weights
SELECT u.unit, 0, (s.pop_psu / s.n_psu) * CASE WHEN (SELECT two_stage FROM survey_design) THEN p.pop_ssu / p.n_ssu ELSE 1 END
FROM survey_units AS u
JOIN survey_strata AS s USING (stratum)
JOIN survey_psus AS p USING (psu)
WHERE u.base_weight IS NULL;

UPDATE survey_units AS u SET base_weight = w.weight
FROM survey_weights AS w
WHERE w.unit = u.unit AND w.replicate = 0 AND u.base_weight IS NULL;
