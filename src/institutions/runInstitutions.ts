import { join } from 'node:path';
import type { Problem } from '../lib/InputError.ts';
import { nationalCode } from '../lib/types.ts';
import type { DataDir } from '../dataDir/DataDir.ts';
import { readRegisterFiles } from '../files/readRegisterFiles.ts';
import type { Database } from '../database/openDatabase.ts';
import { runQuery, selectQuery } from '../database/runQueries.ts';
import { institutionFiles, reportFields } from './institutionSchema.ts';

/**
 * Reads the IP transfer reports of universities and research institutes (institutions/:
 * institutions.csv, the register, and reports.csv, as `ipindex import-reports` writes it) into
 * DuckDB, checks them (every cell as read; the files against each other:
 * queries/institutions/05_report_checks.sql; the reports' identities, stocks and history:
 * 20_report_flags.sql, whose errors stop the build or are listed as method.yaml's
 * institutions.checks says), tracks who has not reported (30_institution_response.sql) and sums
 * the reports by region and year (40_regional_figures.sql): those the codebook declares become
 * observations of the index like any other. Records each file in the manifest's inputs. Returns
 * the problems found, for the checks stage to report with the others.
 */
export async function runInstitutions(db: Database, data: DataDir): Promise<Problem[]> {
  const folder = data.institutions;
  if (folder === undefined) return [];
  await runQuery(db, 'institutions/00_tables.sql');
  const { present, problems, inputs } = await readRegisterFiles(db, folder, institutionFiles, data.regions, 'reports');
  data.inputs.push(...inputs);
  if (problems.length > 0) return problems;
  const counts = `[${reportFields
    .filter((f) => f.kind === 'count')
    .map((f) => `'${f.code}'`)
    .join(', ')}]`;
  const checks = await selectQuery<{ file: string; row: number; column: string; found: string; expected: string }>(
    db,
    'institutions/05_report_checks.sql',
    { counts },
  );
  for (const c of checks)
    problems.push({ file: join(folder.label, c.file), row: c.row, column: c.column, found: c.found, expected: c.expected });
  if (problems.length > 0 || !present.has('reports')) return problems;

  const { checks: onError, stock_tolerance: tolerance } = data.method.institutions;
  await runQuery(db, 'institutions/10_institution_reports.sql');
  await runQuery(db, 'institutions/20_report_flags.sql', { tolerance });
  if (onError === 'stop') {
    const errors = await db.query<{ place: string; field: string; found: string; expected: string }>(
      "SELECT place, field, found, expected FROM institution_flags WHERE severity = 'error'",
    );
    for (const e of errors)
      problems.push({
        file: e.place,
        column: e.field,
        found: e.found,
        expected: `${e.expected} (or institutions.checks: flag in method.yaml, to list such reports and keep them)`,
      });
    if (problems.length > 0) return problems;
  }
  await runQuery(db, 'institutions/30_institution_response.sql', { deadline: data.method.institutions.deadline });
  await runQuery(db, 'institutions/40_regional_figures.sql');
  await runQuery(db, 'institutions/50_observations.sql', { source: join(folder.label, 'reports.csv'), national: nationalCode });
  return [];
}
