/** A label in both languages: Chinese first, English beside it. */
export type Bilingual = { zh: string; en: string };
