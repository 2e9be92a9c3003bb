import { access } from 'node:fs/promises';
import { join } from 'node:path';
import type { Problem } from '../lib/InputError.ts';
import { createRegionMatcher } from '../lib/regionMatcher.ts';
import { nationalCode } from '../lib/types.ts';
import type { DataDir } from '../pipeline/intake/loadDataDir.ts';
import { hashFile } from '../pipeline/microdata/hashFile.ts';
import type { Database } from '../pipeline/openDatabase.ts';
import { runQuery, selectQuery } from '../pipeline/runQueries.ts';
import { readRegisterFile } from './readRegisterFile.ts';
import { registerFiles } from './registerSchema.ts';

/**
 * Reads the enterprise IP management register of a data directory (enterprises/, the files of
 * registerSchema.ts) into DuckDB, checks it (every cell as it is read, then the files against
 * each other: queries/enterprises/05_register_checks.sql), and computes its regional figures
 * (queries/enterprises/): those the codebook declares become observations of the index like any
 * other, the national ones as 100000's. Records each file in the manifest's inputs. Returns the
 * problems found, for the checks stage to report with the others; with any, no figure is added.
 */
export async function runEnterprises(db: Database, data: DataDir): Promise<Problem[]> {
  const register = data.enterprises;
  if (register === undefined) return [];
  await runQuery(db, 'enterprises/00_tables.sql');
  const matcher = createRegionMatcher(data.regions);
  const problems: Problem[] = [];
  const present = new Set<string>();
  for (const file of registerFiles) {
    const path = join(register.dir, `${file.name}.csv`);
    if (!(await access(path).then(() => true, () => false))) continue;
    present.add(file.name);
    const read = await readRegisterFile(db, register.dir, register.label, file, matcher);
    problems.push(...read.problems);
    const { sha256, bytes } = await hashFile(path);
    data.inputs.push({ file: join(register.label, `${file.name}.csv`), role: 'register', sha256, bytes, rows: read.rows });
  }
  if (problems.length > 0) return problems;
  const checks = await selectQuery<{ file: string; row: number; column: string; found: string; expected: string }>(db, 'enterprises/05_register_checks.sql', { has_bodies: present.has('service_bodies') });
  for (const c of checks) problems.push({ file: join(register.label, c.file), row: c.row, column: c.column, found: c.found, expected: c.expected });
  if (problems.length > 0) return problems;

  await runQuery(db, 'enterprises/10_certificate_life.sql');
  await runQuery(db, 'enterprises/20_region_closure.sql');
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
  await runQuery(db, 'uncertainty/05_uniform_draw.sql');
  await runQuery(db, 'enterprises/50_effect_units.sql', { groups, seed, within: `[${within.join(', ')}]` });
  await runQuery(db, 'enterprises/51_effect_outcomes.sql');
  await runQuery(db, 'enterprises/52_effect_pairs.sql');
  await runQuery(db, 'enterprises/53_effect_cells.sql', { control });
  await runQuery(db, 'enterprises/54_effect_estimates.sql');
  await runQuery(db, 'enterprises/55_effect_influence.sql');
  await runQuery(db, 'enterprises/56_effect_bootstrap.sql', { replicates: bootstrap, seed });
  await runQuery(db, 'enterprises/57_certification_effect.sql');
}
