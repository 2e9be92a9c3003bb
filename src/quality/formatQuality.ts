import type { QualityRow } from './runQuality.ts';

/** The data-quality summary as `ipindex check` prints it: one line per file, then its details. */
export function formatQuality(rows: readonly QualityRow[]): string[] {
  const n = (x: number) => x.toLocaleString('en-US');
  const lines = ['data quality (also in out/data/quality.csv after a build):'];
  for (const r of rows) {
    lines.push(
      `  ${r.file}: ${n(r.rows_read)} rows read, ${n(r.rows_used)} used, ${n(r.rows_dropped)} dropped, ${n(r.blank_rows)} blank; ` +
        `${n(r.values)} values, ${n(r.values_missing)} missing, ${n(r.values_converted)} converted`,
    );
    if (r.dropped_by_reason !== '') lines.push(`    dropped: ${r.dropped_by_reason}`);
    if (r.converted_by_how !== '') lines.push(`    converted: ${r.converted_by_how}`);
  }
  return lines;
}
