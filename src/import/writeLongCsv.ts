import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ImportedValue } from './ImportResult.ts';
import { csvCell } from '../lib/csvCell.ts';

/**
 * Writes values as a long observation file of the data contract (`region_code, year, variable,
 * value, unit`; a missing value as an empty cell), UTF-8 with a BOM so that Excel shows the
 * Chinese units. The file appears whole or not at all.
 */
export async function writeLongCsv(path: string, values: readonly ImportedValue[]): Promise<void> {
  const lines = ['region_code,year,variable,value,unit'];
  for (const v of values) {
    lines.push([v.region_code, String(v.year), v.variable, v.value === null ? '' : String(v.value), v.unit].map(csvCell).join(','));
  }
  await mkdir(dirname(path), { recursive: true });
  const partial = `${path}.partial`;
  await writeFile(partial, `\uFEFF${lines.join('\n')}\n`);
  await rename(partial, path);
}
