/** A survey folder as the messages name it: its design and its responses. */
export type SurveyFiles = { dir: string; label: string };

/** One wave of a survey whose design names a year column: the respondents of that year. */
export type Wave = { column: string; year: number } | null;
