import type { Problem } from '../lib/InputError.ts';
import type { CsvTable } from './readCsvFile.ts';

/** What a column is called in the contract, and other headers accepted for it. */
export type ColumnSpec = { name: string; aliases?: readonly string[]; required: boolean };

/** Position of each known column in the header, and problems for those missing or repeated. */
export function findColumns<K extends string>(
  table: Pick<CsvTable, 'file' | 'header'>,
  specs: Record<K, ColumnSpec>,
): { index: Record<K, number>; problems: Problem[] } {
  const problems: Problem[] = [];
  const normalised = table.header.map((h) => h.toLowerCase().replace(/\s+/g, '_'));
  const seen = new Map<string, number>();
  normalised.forEach((name, i) => {
    if (name === '') return;
    const first = seen.get(name);
    if (first !== undefined) {
      problems.push({
        file: table.file,
        row: 1,
        column: table.header[i] ?? name,
        found: `the column name "${table.header[i]}" a second time (columns ${first + 1} and ${i + 1})`,
        expected: 'each column name once',
      });
    } else seen.set(name, i);
  });

  const index = {} as Record<K, number>;
  for (const key of Object.keys(specs) as K[]) {
    const spec = specs[key];
    const names = [spec.name, ...(spec.aliases ?? [])].map((n) => n.toLowerCase());
    const at = normalised.findIndex((h) => names.includes(h));
    index[key] = at;
    if (at < 0 && spec.required) {
      problems.push({
        file: table.file,
        row: 1,
        column: spec.name,
        found: `no column "${spec.name}" among ${table.header.map((h) => `"${h}"`).join(', ')}`,
        expected:
          spec.aliases && spec.aliases.length > 0
            ? `a column "${spec.name}" (or ${spec.aliases.map((a) => `"${a}"`).join(', ')})`
            : `a column "${spec.name}"`,
      });
    }
  }
  return { index, problems };
}

/** The cell of a row at a column index, '' when the row is short. */
export function cellAt(cells: readonly string[], index: number): string {
  return index < 0 ? '' : (cells[index] ?? '');
}
