import { availableParallelism } from 'node:os';
import type { Database } from './openDatabase.ts';

/**
 * Runs `work` with DuckDB on every core, then puts back the number of threads it had: one, in
 * a build (openDatabase.ts), so that no floating-point sum depends on the order in which
 * threads add. For statements whose results cannot depend on that order: counts, ranks, exact
 * sums, copies, each written in an order its query states in full.
 */
export async function onEveryCore<T>(db: Database, work: () => Promise<T>): Promise<T> {
  const [setting] = await db.query<{ threads: number }>("SELECT current_setting('threads')::INTEGER AS threads");
  await db.exec(`SET threads = ${availableParallelism()}`);
  try {
    return await work();
  } finally {
    await db.exec(`SET threads = ${setting?.threads ?? 1}`);
  }
}
