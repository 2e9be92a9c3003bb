-- How far the weights are from the margins: the worst |N_c - sum w| / (1 + |N_c|) over every
-- category of every margin (R's grake criterion), and where it is.

SELECT m.margin, m.category, abs(m.total - coalesce(s.weighted, 0)) / (1 + abs(m.total)) AS misfit
FROM survey_margins AS m
LEFT JOIN (
  SELECT c.margin, c.category, sum(u.weight) AS weighted
  FROM survey_calibration AS c
  JOIN survey_units AS u ON u.rowid = c.unit
  GROUP BY c.margin, c.category
) AS s USING (margin, category)
ORDER BY misfit DESC, m.margin, m.category
LIMIT 1;
