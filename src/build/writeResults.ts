import { publishedPath } from '../intake/publishedPath.ts';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AccountsReport } from '../lib/accounts/AccountsReport.ts';
import { readAccounts } from '../accounts/readAccounts.ts';
import { writeAccountsExports } from '../accounts/writeAccountsExports.ts';
import type { Computed } from './computeResults.ts';
import type { DataDir } from '../dataDir/DataDir.ts';
import { onEveryCore } from '../database/onEveryCore.ts';
import { quotedIdentifier, quotedString, type Database } from '../database/openDatabase.ts';
import { runQuality } from '../quality/runQuality.ts';
import { runQuery } from '../database/runQueries.ts';
import { nationalCode } from '../lib/types.ts';

/** The tables of the output contract (DESIGN.md, "Output contract"), in the order written. */
const tables = {
  'observations.csv': `SELECT region_code, year, variable, value, unit, source_value, source_unit, published_path(source_file) AS source_file, source_row, source_column
    FROM observations ORDER BY region_code, year, variable, source_file, source_row`,
  'indicators.csv': 'SELECT region_code, year, indicator, value, imputed, treated, raw_value, treatment FROM indicators ORDER BY region_code, year, indicator',
  'national_indicators.csv': 'SELECT year, indicator, value FROM national_indicators ORDER BY year, indicator',
  'scores.csv': 'SELECT region_code, year, node, level, score, rank FROM scores ORDER BY year, level DESC, node, region_code',
  // The composite engine step by step (queries/composite/, queries/uncertainty/).
  'uncertainty.csv': 'SELECT region_code, year, node, rank, rank_p05, rank_median, rank_p95, rank_p05_without_sampling, rank_median_without_sampling, rank_p95_without_sampling FROM uncertainty ORDER BY year, node, region_code',
  'composite_stages.csv': `SELECT stage, region_code, year, node, value FROM composite_stages
    ORDER BY list_position(['denominated', 'imputed', 'screened', 'treated', 'normalised', 'aggregated'], stage), year, node, region_code`,
  'screening.csv': 'SELECT * FROM screening ORDER BY year, region_code',
  'treatment.csv': 'SELECT * FROM treatment_log ORDER BY year, indicator',
  'effective_weights.csv': 'SELECT * FROM effective_weights ORDER BY level DESC, code',
  'contributions.csv': 'SELECT * FROM contributions ORDER BY region_code, year, contribution DESC, indicator',
  'score_changes.csv': 'SELECT * FROM score_changes ORDER BY year, level DESC, node, region_code',
  'performance_groups.csv': 'SELECT * FROM performance_groups ORDER BY year, level DESC, node, region_code',
  'accounts.csv': 'SELECT region_code, year, item, price_basis, value, unit FROM accounts ORDER BY region_code, year, item, price_basis',
  'quality.csv': 'SELECT * REPLACE (published_path(file) AS file) FROM quality ORDER BY file',
};

/** The query with every text column passed through spreadsheet_safe (queries/exports/). */
async function spreadsheetSafeSelect(db: Database, sql: string): Promise<string> {
  const columns = await db.query<{ column_name: string; column_type: string }>(`DESCRIBE (${sql})`);
  const list = columns.map(({ column_name: name, column_type: type }) =>
    type === 'VARCHAR' ? `spreadsheet_safe(${quotedIdentifier(name)}) AS ${quotedIdentifier(name)}` : quotedIdentifier(name));
  return `SELECT ${list.join(', ')} FROM (${sql})`;
}

/** Facts about the run that the manifest records besides its inputs. */
export type RunInfo = { version: string; builtAt: string };

/**
 * Writes the result tables, the indicator SQL and manifest.json into `dir` (out/data), and
 * returns what the report pages need: the files written and the accounts as read for their layout.
 */
export async function writeResults(db: Database, dir: string, data: DataDir, computed: Computed, run: RunInfo): Promise<{ files: string[]; accounts: AccountsReport }> {
  await mkdir(dir, { recursive: true });
  await runQuality(db, data);
  const accounts = await readAccounts(db, data, computed.accounts);
  // The layout files are JavaScript's work and the tables DuckDB's: the two run side by side,
  // and both finish before a failure is passed on, so nothing is still writing into `dir` then.
  const [layout, copied] = await Promise.allSettled([writeAccountsExports(dir, accounts, run.builtAt), copyTables(db, dir, await optionalTables(db, data))]);
  if (layout.status === 'rejected') throw layout.reason;
  if (copied.status === 'rejected') throw copied.reason;
  const [accountsFiles, counts] = [layout.value, copied.value];
  await writeFile(join(dir, 'indicators.sql'), computed.indicatorsSql);

  const years = await db.query<{ first: number; last: number }>('SELECT min(year) AS first, max(year) AS last FROM indicators');
  const manifest = {
    tool: 'ipindex',
    version: run.version,
    built_at: run.builtAt,
    inputs: data.inputs.map((i) => ({ ...i, file: publishedPath(data.label, i.file) })),
    method: data.method,
    coverage: {
      regions: data.regions.length,
      indicators: data.indicators.length,
      years: years[0] ?? null,
    },
    dropped_rows: data.dropped.map((d) => ({ ...d, file: publishedPath(data.label, d.file) })),
    // Files of the data directory that were not read, and why (documentation, say).
    unused_files: (data.unused ?? []).map((u) => ({ ...u, file: publishedPath(data.label, u.file) })),
    // Years whose index has no reference score (a national total missing): no performance groups.
    years_without_reference: (await db.query<{ year: number }>('SELECT year FROM unreferenced_years ORDER BY year')).map((r) => Number(r.year)),
    accounts: computed.accounts,
    // The institutions' reports: who in the register did not report a year (left out of the sums,
    // never counted as 0), who reported after the deadline, and the reports flagged (queries/institutions/20_report_flags.sql).
    ...((await hasTable(db, 'institution_response')) ? {
      institution_reports: {
        not_reported: await db.query('SELECT year, institution_id FROM institution_response WHERE NOT reported ORDER BY year, institution_id'),
        late: await db.query("SELECT year, institution_id, strftime(filed, '%Y-%m-%d') AS filed FROM institution_response WHERE late ORDER BY year, institution_id"),
        flags: await db.query('SELECT severity, institution_id, year, field, found, expected, place FROM institution_flags ORDER BY severity, year, institution_id, field'),
      },
    } : {}),
    outputs: Object.entries(counts).map(([file, rows]) => ({ file: `data/${file}`, rows })),
    queries: 'Every number is computed by the SQL files of queries/; data/indicators.sql is the formula SQL as it ran.',
  };
  await writeFile(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return { files: [...Object.keys(tables), ...accountsFiles, 'indicators.sql', 'manifest.json'], accounts };
}

/**
 * The tables written only when the build has what they hold: the surveys' estimates
 * (queries/survey/80_published_estimates.sql), the effect of GB/T 29490 certification
 * (queries/enterprises/57_certification_effect.sql), the institutions' reports (public in this
 * field, one row per institution and year) and the benefit-of-the-doubt weights of a level
 * aggregated by BoD (queries/composite/61_bod_weights.sql; the nation under its code).
 */
async function optionalTables(db: Database, data: DataDir): Promise<(readonly [string, string])[]> {
  const present = async (sql: string) => ((await db.query<{ n: number }>(sql))[0]?.n ?? 0) > 0;
  const optional: (readonly [string, string, boolean])[] = [
    ['estimates.csv', 'SELECT * FROM survey_estimates ORDER BY survey, variable, domain, domain_value', (data.surveys ?? []).length > 0],
    ['certification_effect.csv', 'SELECT * FROM certification_effect', await hasTable(db, 'certification_effect')],
    ['institution_reports.csv', 'SELECT i.name_zh, i.name_en, r.* FROM institution_reports AS r JOIN register_institutions AS i USING (institution_id) ORDER BY r.institution_id, r.year', await hasTable(db, 'institution_response')],
    [
      'bod_weights.csv',
      `SELECT coalesce(region_code, '${nationalCode}') AS region_code, year, node, level, child, weight FROM bod_weights ORDER BY year, level, node, region_code NULLS FIRST, child`,
      await present('SELECT count(*)::INTEGER AS n FROM bod_weights'),
    ],
  ];
  return optional.filter(([, , written]) => written).map(([file, sql]) => [file, sql] as const);
}

/** Writes the tables of the output contract, and the optional ones given, as CSV files into `dir`, returning the rows of each. */
async function copyTables(db: Database, dir: string, optional: readonly (readonly [string, string])[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  await runQuery(db, 'exports/spreadsheet_safe.sql');
  // Copying adds nothing up, and each query orders its rows by a key (a table without ORDER BY
  // keeps the order of its rows, as DuckDB preserves insertion order): the files are the same
  // on any number of threads.
  await onEveryCore(db, async () => {
    for (const [file, sql] of [...Object.entries(tables), ...optional]) {
      // COPY answers with the number of rows it wrote, so the table is not queried a second time.
      const [row] = await db.query<{ Count: bigint | number }>(`COPY (${await spreadsheetSafeSelect(db, sql)}) TO ${quotedString(join(dir, file))} (HEADER, DELIMITER ',')`);
      counts[file] = Number(row?.Count ?? 0);
    }
  });
  return counts;
}

async function hasTable(db: Database, name: string): Promise<boolean> {
  const [row] = await db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name = $name', { name });
  return row?.n === 1;
}
