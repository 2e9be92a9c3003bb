-- Each certificate's life: it is in force from the day it was issued through the day it expires
-- (the last day of its validity), or until the day it was suspended or withdrawn if that came
-- first (status_date, from which it is no longer in force). [valid_from, valid_until): in force
-- on day d when valid_from <= d < valid_until. An enterprise is certified on a day when any of its
-- certificates is in force; it was first certified on its earliest certificate's date of issue.
-- From register_certifications.

CREATE TABLE certificate_life AS
SELECT
  certificate_no,
  enterprise_id,
  body_code,
  standard,
  issued AS valid_from,
  CASE WHEN status IN ('suspended', 'withdrawn') AND status_date <= expires THEN status_date ELSE CAST(expires + INTERVAL 1 DAY AS DATE) END AS valid_until,
  status,
  status_date
FROM register_certifications;
