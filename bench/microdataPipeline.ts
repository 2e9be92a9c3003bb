// ipindex's pipeline from microdata to indicators, as `ipindex build` runs it: read the data
// directory (fingerprints included), staging (the microdata aggregated: from the CSV on a first
// build, from the cached cube on a later one), the checks and the indicators. A first build
// then writes its Parquet copies (a build starts them after the indicators, in the background
// of the later stages, and awaits them after its last stage); `cacheSeconds` says how long
// after the indicators they were done. `node --import tsx
// bench/microdataPipeline.ts DIR` prints JSON: seconds in all and by stage, peak resident bytes,
// the number of indicator rows, what was cached.
import { relative } from 'node:path';
import { loadDataDir } from '../src/intake/loadDataDir.ts';
import { microdataCached } from '../src/microdata/microdataCached.ts';
import { openDatabase } from '../src/database/openDatabase.ts';
import { runChecks } from '../src/database/runQueries.ts';
import { runIndicators } from '../src/indicators/runIndicators.ts';
import { runStaging } from '../src/staging/runStaging.ts';

const dir = process.argv[2];
if (dir === undefined) {
  console.error('usage: microdataPipeline.ts DIR');
  process.exit(2);
}
const stages: Record<string, number> = {};
const timed = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
  const start = performance.now();
  const result = await run();
  stages[name] = (performance.now() - start) / 1000;
  return result;
};
const start = performance.now();
// Files are named relative to the project in messages and the bench's table, never by a machine path.
// As `ipindex build` does: the database first, so that intake streams the observations into it.
const db = await openDatabase();
const data = await timed('read', () => loadDataDir(dir, relative(process.cwd(), dir) || '.', db));
const microdataProblems = await timed('staging', () => runStaging(db, data));
const problems = await timed('checks', async () => [...data.problems, ...microdataProblems, ...(await runChecks(db))]);
if (problems.length > 0) {
  console.error(`${problems.length} problems, e.g. ${JSON.stringify(problems[0])}`);
  process.exit(1);
}
await timed('indicators', () => runIndicators(db, data));
const [row] = await db.query<{ n: bigint }>('SELECT count(*) AS n FROM indicators');
const seconds = (performance.now() - start) / 1000;
const cached = (await microdataCached(data.microdata)) ?? [];
const cacheSeconds = (performance.now() - start) / 1000 - seconds;
db.close();
const records = (data.microdata ?? []).reduce((n, m) => n + (m.input.rows ?? 0), 0);
console.log(
  JSON.stringify({
    seconds,
    stages,
    records,
    indicators: Number(row?.n ?? 0),
    cached,
    cacheSeconds,
    peakBytes: process.resourceUsage().maxRSS * 1024,
  }),
);
