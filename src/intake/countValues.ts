import type { DataDir } from '../dataDir/DataDir.ts';

/** How many observation values a data directory holds, whether streamed into DuckDB or held in memory. */
export function countValues(data: DataDir): number {
  return (data.streamed?.values ?? 0) + data.observations.length;
}
