/** One row of the ranking the report shows: a region's index score and rank in a year. */
export type RankingRow = {
  year: number;
  region_code: string;
  name_zh: string;
  name_en: string;
  zone: string;
  score: number | null;
  rank: number | null;
  previous_rank: number | null;
  rank_change: number | null;
};

/** What the pipeline hands the site to prerender: results plus the facts pages print. */
export type Report = {
  title: { zh: string; en: string };
  sampleData: boolean;
  builtAt: string;
  years: number[];
  ranking: RankingRow[];
};
