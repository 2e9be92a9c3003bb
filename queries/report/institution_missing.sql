-- Response status: the institutions of the register that did not report a year, by year (the
-- regional figures leave them out; they are never counted as 0).
-- From institution_response.

SELECT year, institution_id, name_zh, name_en, kind, region_code
FROM institution_response
WHERE NOT reported
ORDER BY year DESC, region_code, institution_id;
