import type { ImportResult } from './ImportResult.ts';

/** Sheet row numbers as short ranges: 3, 5-9, 12. */
function rowRanges(rows: readonly number[]): string {
  const sorted = [...rows].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === (sorted[j] ?? 0) + 1) j++;
    parts.push(i === j ? `${sorted[i]}` : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(', ');
}

/**
 * What `ipindex import` prints: what it found where, every row left out with its reason, the
 * rows of sub-items the map does not pick (counted), and what it wrote, so that every row read
 * is accounted for.
 */
export function describeImport(result: ImportResult, out: string): string[] {
  const n = (x: number) => x.toLocaleString('en-US');
  const lines = result.notes.map((note) => `  ${note}`);
  for (const d of result.dropped) lines.push(`  left out: row ${d.row} ${d.reason}`);
  const notSelected = [...result.notSelected].reduce((sum, [, count]) => sum + count, 0);
  if (notSelected > 0) {
    lines.push(
      `  not picked by the map: ${n(notSelected)} rows of other sub-items or years (${[...result.notSelected].map(([item, count]) => `${item} ${n(count)}`).join(', ')})`,
    );
  }
  const used = new Set(result.values.map((v) => v.row));
  const ranges = rowRanges([...used]);
  const regions = new Set(result.values.map((v) => v.region_code));
  const years = [...new Set(result.values.map((v) => v.year))].sort();
  const variables = new Set(result.values.map((v) => v.variable));
  const missing = result.values.filter((v) => v.value === null).length;
  lines.push(
    `  rows: ${n(result.rowsRead)} read = ${n(used.size)} used${ranges.length <= 60 ? ` (${ranges})` : ''} + ${n(result.dropped.length)} left out + ${n(notSelected)} not picked + ${n(result.blankRows)} blank`,
  );
  lines.push(
    `wrote ${out}: ${n(result.values.length)} values (${regions.size} regions, ${variables.size} variables, ` +
      `${years.length === 1 ? `year ${years[0]}` : `years ${years[0]}-${years.at(-1)}`}), ${n(missing)} missing`,
  );
  return lines;
}
