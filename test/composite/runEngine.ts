import type { DataDir } from '../../src/dataDir/DataDir.ts';
import { methodSchema } from '../../src/lib/methodSchema.ts';
import type { FrameworkNode, Region } from '../../src/lib/types.ts';
import { openDatabase, type Database } from '../../src/database/openDatabase.ts';
import { runQuery } from '../../src/database/runQueries.ts';
import { runComposite } from '../../src/composite/runComposite.ts';
import { runUncertainty } from '../../src/uncertainty/runUncertainty.ts';

/** A framework node as the tests write it: direction and weight default to 1. */
export type Node = { code: string; parent: string | null; level: number; direction?: 1 | -1; weight?: number; target?: number | null };

/** What the composite engine starts from: regions with zones, a framework and indicator values. */
export type EngineInput = {
  regions: { code: string; zone?: string }[];
  framework: Node[];
  /** region, year, indicator, value (null: missing). */
  values: (readonly [string, number, string, number | null])[];
  /** method.yaml as an object; defaults fill the rest, and the uncertainty analysis is off. */
  method?: Record<string, unknown>;
};

/**
 * Runs the composite engine and the uncertainty analysis of ipindex on indicator values given
 * directly (the stages before it are tested elsewhere), in a real in-memory DuckDB, and returns
 * the database to query. The caller closes it.
 */
export async function runEngine(
  input: EngineInput,
): Promise<{ db: Database; data: DataDir; rows: <T = Record<string, unknown>>(sql: string) => Promise<T[]> }> {
  const method = methodSchema.parse({ uncertainty: { runs: 0 }, ...input.method });
  const regions: Region[] = input.regions.map((r) => ({
    region_code: r.code,
    name_zh: r.code,
    name_en: r.code,
    level: 'country',
    parent_code: '',
    zone: r.zone ?? 'all',
  }));
  const nodes: FrameworkNode[] = input.framework.map((n) => ({
    code: n.code,
    parent: n.parent,
    level: n.level,
    name_zh: n.code,
    name_en: n.code,
    unit: '',
    direction: n.direction ?? 1,
    weight: n.weight ?? 1,
    formula: n.level === 1 ? n.code : null,
    target: n.target ?? null,
  }));
  const data = {
    regions,
    variables: [],
    nodes,
    indicators: nodes.filter((n) => n.level === 1).map((n) => ({ ...n, ast: { kind: 'variable', name: n.code } })),
    method,
    observations: [],
    dropped: [],
    inputs: [],
    problems: [],
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
  await db.append(
    'indicators',
    input.values.map(([region, year, indicator, value]) => [region, year, indicator, value, false, false]),
  );
  await runComposite(db, data);
  await runUncertainty(db, data);
  return { db, data, rows: <T>(sql: string) => db.query(sql) as Promise<T[]> };
}

/** Ten regions r01..r10 and one value per region from a list, for series tests. */
export function series(
  indicator: string,
  values: readonly (number | null)[],
  year = 2020,
): (readonly [string, number, string, number | null])[] {
  return values.map((value, i) => [`r${String(i + 1).padStart(2, '0')}`, year, indicator, value] as const);
}
