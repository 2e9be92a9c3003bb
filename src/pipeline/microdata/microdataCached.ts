import type { MicrodataInput } from './findMicrodata.ts';

/**
 * Waits for the Parquet copies that the microdata stage is writing in the background (csvCache.ts)
 * and returns a line for each, saying what was cached or why nothing was; null when none is
 * being written. A run awaits it before it ends: a copy left unfinished is never used.
 */
export function microdataCached(microdata: readonly MicrodataInput[] | undefined): Promise<string[]> | null {
  const pending = (microdata ?? []).flatMap((m) => (m.caching === undefined ? [] : [m.caching]));
  return pending.length === 0 ? null : Promise.all(pending);
}
