// The enterprise register's stage as `ipindex build` runs it (src/enterprises/runEnterprises.ts):
// every file of enterprises/ read (after the regions and observations, untimed) and checked, the files checked against each other, the
// regional figures, and the effect of certification with its bootstrap. `node --import tsx
// bench/enterprisesStage.ts DIR` prints JSON: the stage's seconds (the rest of the data
// directory is read first, untimed), the effect's rows, peak resident bytes.
import { relative } from 'node:path';
import { runEnterprises } from '../src/enterprises/runEnterprises.ts';
import { loadDataDir } from '../src/intake/loadDataDir.ts';
import { openDatabase } from '../src/database/openDatabase.ts';
import { runQuery } from '../src/database/runQueries.ts';

const dir = process.argv[2];
if (dir === undefined) {
  console.error('usage: enterprisesStage.ts DIR');
  process.exit(2);
}
const data = await loadDataDir(dir, relative(process.cwd(), dir) || '.');
const db = await openDatabase();
// What the staging stage has done before the register (src/staging/runStaging.ts).
await runQuery(db, 'staging/00_inputs.sql');
await db.append(
  'regions',
  data.regions.map((r) => [r.region_code, r.name_zh, r.name_en, r.level, r.parent_code || null, r.zone]),
);
await runQuery(db, 'staging/05_region_closure.sql');
await db.append(
  'observations_raw',
  data.observations.map((o) => [
    o.region_code,
    o.year,
    o.variable,
    o.source_value,
    o.source_unit,
    o.source_file,
    o.source_row,
    o.source_column,
  ]),
);
const start = performance.now();
const problems = await runEnterprises(db, data);
const seconds = (performance.now() - start) / 1000;
if (problems.length > 0) {
  console.error(`${problems.length} problems, e.g. ${JSON.stringify(problems[0])}`);
  process.exit(1);
}
const [effect] = await db.query<{ n: number; replicates: number }>('SELECT count(*)::INTEGER AS n FROM certification_effect');
db.close();
console.log(JSON.stringify({ seconds, effectRows: effect?.n ?? 0, peakBytes: process.resourceUsage().maxRSS * 1024 }));
