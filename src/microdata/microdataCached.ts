import type { MicrodataInput } from '../dataDir/MicrodataInput.ts';

/**
 * Starts writing the Parquet copies of the microdata CSVs that the microdata stage read
 * (csvCache.ts) and returns a promise of a line for each, saying what was cached or why nothing
 * was; null when there is nothing to cache. A run starts it once the multi-threaded reading of
 * the records is over, so that the copy takes a core the later single-threaded stages leave
 * free, and awaits it before it ends: a copy left unfinished is never used.
 */
export function microdataCached(microdata: readonly MicrodataInput[] | undefined): Promise<string[]> | null {
  const pending = (microdata ?? []).flatMap((m) => (m.caching === undefined ? [] : [m.caching]));
  return pending.length === 0 ? null : Promise.all(pending.map((copy) => copy()));
}
