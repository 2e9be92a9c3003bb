import type { Bilingual } from './Bilingual.ts';

/**
 * The words more than one part of the report prints, in both languages, so that a table of the
 * accounts, a column of the data dictionary and a page's heading call a thing by the same name:
 * the pages' words (src/components/words/), the accounts' layout (accounts/) and the data
 * dictionary (dataDictionary.ts) take them from here. The zones are in zones.ts.
 */
export const terms = {
  year: { zh: '年份', en: 'Year' },
  region: { zh: '地区', en: 'Region' },
  zone: { zh: '区域', en: 'Zone' },
} satisfies Record<string, Bilingual>;
