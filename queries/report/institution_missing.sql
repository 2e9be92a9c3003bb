-- Response status: the institutions of the register that did not report a year (the regional
-- figures leave them out; they are never counted as 0) or reported after the deadline (counted),
-- by year.
-- From institution_response.

SELECT year, institution_id, name_zh, name_en, kind, region_code, CASE WHEN reported THEN 'late' ELSE 'missing' END AS status, strftime(filed, '%Y-%m-%d') AS filed
FROM institution_response
WHERE NOT reported OR late
ORDER BY year DESC, status, region_code, institution_id;
