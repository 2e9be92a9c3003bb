// The uncertainty analysis (queries/uncertainty/): 1,000 Monte Carlo runs over the weights
// (+-25%), two normalisations and two aggregations, for a province-sized and a prefecture-sized
// index of one year. Only runUncertainty is timed, run again on the same database each time (it
// replaces its tables); the composite engine that precedes it runs once, untimed, on seeded
// synthetic indicators (log-normal values, 5% missing).
import type { Bench, BenchCase } from './run.ts';
import { methodSchema } from '../src/lib/methodSchema.ts';
import type { FrameworkNode, Region } from '../src/lib/types.ts';
import type { DataDir } from '../src/dataDir/DataDir.ts';
import { openDatabase, type Database } from '../src/database/openDatabase.ts';
import { runQuery } from '../src/database/runQueries.ts';
import { runComposite } from '../src/composite/runComposite.ts';
import { runUncertainty } from '../src/uncertainty/runUncertainty.ts';

/** A small seeded generator (mulberry32), so that every run sees the same data. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A database after the composite engine, on synthetic data of the size given, and its DataDir. */
export async function prepareUncertainty(regionCount: number, indicatorCount: number): Promise<{ db: Database; data: DataDir }> {
  const random = generator(regionCount * 1000 + indicatorCount);
  const dimensions = Math.ceil(indicatorCount / 5);
  const node = (code: string, parent: string | null, level: number, weight = 1): FrameworkNode => ({
    code,
    parent,
    level,
    name_zh: code,
    name_en: code,
    unit: '',
    direction: 1,
    weight,
    formula: level === 1 ? code : null,
    target: null,
  });
  const nodes: FrameworkNode[] = [node('index', null, 3)];
  for (let d = 0; d < dimensions; d++) nodes.push(node(`d${d}`, 'index', 2, 1 + (d % 3)));
  for (let i = 0; i < indicatorCount; i++) nodes.push(node(`i${i}`, `d${i % dimensions}`, 1));
  const regions: Region[] = Array.from({ length: regionCount }, (_, r) => ({
    region_code: String(110000 + r * 100),
    name_zh: `r${r}`,
    name_en: `r${r}`,
    level: 'prefecture',
    parent_code: '',
    zone: ['east', 'central', 'west', 'northeast'][r % 4] ?? 'east',
  }));
  const method = methodSchema.parse({
    uncertainty: { runs: 1000, seed: 1, weights: 0.25, normalise: ['minmax', 'percentile'], aggregate: ['arithmetic', 'geometric'] },
  });
  const data = {
    regions,
    nodes,
    indicators: nodes.filter((n) => n.level === 1),
    method,
    inputs: [],
    observations: [],
  } as unknown as DataDir;
  const db = await openDatabase();
  await runQuery(db, 'staging/00_inputs.sql');
  await db.append(
    'regions',
    regions.map((r) => [r.region_code, r.name_zh, r.name_en, r.level, null, r.zone]),
  );
  await db.append(
    'framework',
    nodes.map((n) => [n.code, n.parent, n.level, n.name_zh, n.name_en, n.unit, n.direction, n.weight, n.formula, n.target]),
  );
  await db.exec(
    'CREATE TABLE indicators (region_code VARCHAR, year INTEGER, indicator VARCHAR, value DOUBLE, imputed BOOLEAN, treated BOOLEAN)',
  );
  const values = regions.flatMap((r) =>
    nodes
      .filter((n) => n.level === 1)
      .map((n) => {
        const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
        return [r.region_code, 2024, n.code, random() < 0.05 ? null : Math.exp(normal), false, false];
      }),
  );
  await db.append('indicators', values);
  await runComposite(db, data);
  return { db, data };
}

function uncertaintyCase(regionCount: number, indicatorCount: number, targetSeconds?: number): BenchCase {
  return {
    name: `1,000 runs, ${regionCount} regions x ${indicatorCount} indicators`,
    runs: 5,
    ...(targetSeconds === undefined ? {} : { targetSeconds }),
    async prepare() {
      const { db, data } = await prepareUncertainty(regionCount, indicatorCount);
      return { measure: async () => void (await runUncertainty(db, data)), dispose: () => db.close() };
    },
  };
}

const bench: Bench = {
  title: 'uncertainty analysis',
  cases: [uncertaintyCase(31, 25), uncertaintyCase(333, 40, 5)],
};
export default bench;
