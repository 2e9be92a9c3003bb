import { join } from 'node:path';
import type { Problem } from '../lib/InputError.ts';
import { nationalCode } from '../lib/types.ts';
import type { DataDir } from '../dataDir/DataDir.ts';
import { readRegisterFiles } from '../files/readRegisterFiles.ts';
import { onEveryCore } from '../database/onEveryCore.ts';
import type { Database } from '../database/openDatabase.ts';
import { runQuery, selectQuery } from '../database/runQueries.ts';
import { outcomeMeasures, registerFiles } from './registerSchema.ts';

/**
 * Reads the enterprise IP management register of a data directory (enterprises/, the files of
 * registerSchema.ts) into DuckDB (by DuckDB's CSV reader when a file is plain, else record by
 * record), checks it (every cell as it is read, then the files against
 * each other: queries/enterprises/05_register_checks.sql), and computes its regional figures
 * (queries/enterprises/): those the codebook declares become observations of the index like any
 * other, the national ones as 100000's. Records each file in the manifest's inputs. Returns the
 * problems found, for the checks stage to report with the others; with any, no figure is added.
 */
export async function runEnterprises(db: Database, data: DataDir): Promise<Problem[]> {
  const register = data.enterprises;
  if (register === undefined) return [];
  // Every build runs DuckDB on one thread, so that no sum depends on the order threads add in.
  // Up to the effect's sums this stage sums nothing but whole numbers, exact in any order: it
  // runs on every core, and goes back to one where that no longer holds (estimateEffect).
  return onEveryCore(db, () => readRegister(db, data, register));
}

async function readRegister(db: Database, data: DataDir, register: NonNullable<DataDir['enterprises']>): Promise<Problem[]> {
  await runQuery(db, 'enterprises/00_tables.sql');
  const { present, problems, inputs } = await readRegisterFiles(db, register, registerFiles, data.regions, 'register');
  data.inputs.push(...inputs);
  if (problems.length > 0) return problems;
  const checks = await selectQuery<{ file: string; row: number; column: string; found: string; expected: string }>(
    db,
    'enterprises/05_register_checks.sql',
    { has_bodies: present.has('service_bodies') },
  );
  for (const c of checks)
    problems.push({ file: join(register.label, c.file), row: c.row, column: c.column, found: c.found, expected: c.expected });
  if (problems.length > 0) return problems;

  await runQuery(db, 'enterprises/10_certificate_life.sql');
  await runQuery(db, 'enterprises/20_clause_scores.sql');
  await runQuery(db, 'enterprises/30_regional_counts.sql', { has_bodies: present.has('service_bodies') });
  await runQuery(db, 'enterprises/40_observations.sql', { source: join(register.label, 'certifications.csv'), national: nationalCode });
  if (present.has('outcomes')) await estimateEffect(db, data);
  return [];
}

/**
 * The effect of certification on the outcomes of outcomes.csv (queries/enterprises/5*): a
 * staggered-adoption difference in differences with a seeded multiplier bootstrap clustered by
 * enterprise, as method.yaml's
 * enterprises.effect sets it, into the table certification_effect.
 */
async function estimateEffect(db: Database, data: DataDir): Promise<void> {
  const { control, within, bootstrap, groups, seed } = data.method.enterprises.effect;
  // The panel is made of the measures outcomes.csv gives: the others, empty, go. Outcomes in
  // whole numbers (counts, amounts in whole units) sum exactly while sums stay below 2^53: then
  // the pairs' and cells' sums are the same on any number of threads.
  const [given] = await db.query<Record<string, number | boolean | null>>(
    `SELECT ${outcomeMeasures.map((m) => `count(${m})::INTEGER AS "${m}", bool_and(${m} = trunc(${m})) AND sum(abs(${m})) < 2 ^ 53 AS "${m}_whole"`).join(', ')} FROM register_outcomes`,
  );
  const measures = outcomeMeasures.filter((m) => Number(given?.[m] ?? 0) > 0);
  for (const m of outcomeMeasures) if (!measures.includes(m)) await db.exec(`ALTER TABLE register_outcomes DROP COLUMN ${m}`);
  const whole = measures.every((m) => given?.[`${m}_whole`] === true);
  await runQuery(db, 'uncertainty/05_uniform_draw.sql');
  await runQuery(db, 'enterprises/50_effect_units.sql', { groups, seed, within: `[${within.join(', ')}]` });
  await runQuery(db, 'enterprises/51_effect_outcomes.sql');
  if (!whole) await db.exec('SET threads = 1');
  await runQuery(db, 'enterprises/52_effect_pairs.sql');
  await runQuery(db, 'enterprises/53_effect_cells.sql', { control });
  await db.exec('SET threads = 1');
  await runQuery(db, 'enterprises/54_effect_estimates.sql');
  await runQuery(db, 'enterprises/55_effect_influence.sql');
  await runQuery(db, 'enterprises/56_effect_bootstrap.sql', { replicates: bootstrap, seed });
  await runQuery(db, 'enterprises/57_certification_effect.sql');
}
