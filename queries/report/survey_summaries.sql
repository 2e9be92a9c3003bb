-- Each survey's design in brief, for its page.

SELECT * FROM survey_summaries ORDER BY survey;
