-- Indicators that have no value in any region and year: their dimension would carry its
-- weight with no scores behind it (or no dimension at all would be left), so the build stops
-- and says which variables of the formula no file gives (src/indicators/runIndicators.ts).
-- One row per such indicator; variables_without_values lists, of all variables, those with no
-- value anywhere, for the message.

SELECT
  i.indicator,
  (SELECT list(v.variable ORDER BY v.variable)
     FROM variables AS v
    WHERE NOT EXISTS (SELECT 1 FROM observations AS o
                       WHERE o.variable = v.variable AND o.value IS NOT NULL
                         AND o.region_code <> '100000')) AS variables_without_values
FROM indicator_values AS i
GROUP BY i.indicator
HAVING count(i.value) = 0
ORDER BY i.indicator;
