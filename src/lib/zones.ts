import type { Bilingual } from './Bilingual.ts';

/**
 * The zones regions.csv groups the regions into (its column zone), in the order tables list
 * them: the four economic zones of China's statistical yearbooks, 东部、中部、西部、东北. One
 * vocabulary for every place that names them: the pages' words (src/components/words/), the
 * accounts' zone subtotals (accounts/regionalTable.ts, as 东部地区) and the region names an
 * import recognises (regionVariants.ts).
 */
export const zones: readonly { zone: string; name: Bilingual }[] = [
  { zone: 'east', name: { zh: '东部', en: 'East' } },
  { zone: 'central', name: { zh: '中部', en: 'Central' } },
  { zone: 'west', name: { zh: '西部', en: 'West' } },
  { zone: 'northeast', name: { zh: '东北', en: 'Northeast' } },
];

/** The zones' names in one language, by zone code. */
export function zoneNames(lang: keyof Bilingual): Record<string, string> {
  return Object.fromEntries(zones.map(({ zone, name }) => [zone, name[lang]]));
}
