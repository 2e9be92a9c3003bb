import type { DataDir } from '../dataDir/DataDir.ts';
import type { Database } from '../database/openDatabase.ts';
import { runQuery, stageQueries } from '../database/runQueries.ts';

/** One row of the data-quality summary (queries/quality/10_quality.sql). */
export type QualityRow = {
  file: string;
  rows_read: number;
  rows_used: number;
  rows_dropped: number;
  dropped_by_reason: string;
  blank_rows: number;
  values: number;
  values_missing: number;
  values_converted: number;
  converted_by_how: string;
};

/**
 * Loads what intake recorded into DuckDB and computes the data-quality summary (table
 * `quality`), one row per observation file. Needs the `observations` table of staging.
 */
export async function runQuality(db: Database, data: DataDir): Promise<QualityRow[]> {
  const [first, ...rest] = await stageQueries('quality');
  if (first !== undefined) await runQuery(db, first);
  const intake = data.intake ?? { files: [], reformatted: [] };
  await db.append(
    'intake_files',
    intake.files.map((f) => [f.file, f.rows_read, f.blank_rows]),
  );
  await db.append(
    'intake_dropped',
    data.dropped.map((d) => [d.file, d.row, d.reason]),
  );
  await db.append(
    'intake_reformatted',
    intake.reformatted.map((r) => [r.file, r.row, r.column, r.how]),
  );
  for (const name of rest) await runQuery(db, name);
  const rows = await db.query<Record<keyof QualityRow, unknown>>('SELECT * FROM quality ORDER BY file');
  return rows.map((r) => ({
    file: String(r.file),
    rows_read: Number(r.rows_read),
    rows_used: Number(r.rows_used),
    rows_dropped: Number(r.rows_dropped),
    dropped_by_reason: String(r.dropped_by_reason),
    blank_rows: Number(r.blank_rows),
    values: Number(r.values),
    values_missing: Number(r.values_missing),
    values_converted: Number(r.values_converted),
    converted_by_how: String(r.converted_by_how),
  }));
}
