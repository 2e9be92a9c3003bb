import { quoteFound, type Problem } from '../lib/InputError.ts';
import { parseCell } from '../lib/parseCell.ts';
import { isReservedName, reservedNames } from '../lib/reservedNames.ts';
import type { Variable } from '../lib/types.ts';
import { cellAt, findColumns } from './findColumns.ts';
import type { CsvTable } from './readCsvFile.ts';

/** Variable names become SQL column names, so they are kept to plain identifiers. */
export const identifierPattern = /^[a-z][a-z0-9_]*$/;

/** Checks `variables.csv` (the codebook) and returns its variables, or the problems found. */
export function readCodebook(table: CsvTable): { variables: Variable[]; problems: Problem[] } {
  const { index, problems } = findColumns(table, {
    variable: { name: 'variable', required: true },
    dataset: { name: 'dataset', required: true },
    name_zh: { name: 'name_zh', required: true },
    name_en: { name: 'name_en', required: true },
    unit: { name: 'unit', required: true },
    min: { name: 'min', required: true },
    max: { name: 'max', required: true },
    description: { name: 'description', required: false },
    source: { name: 'source', required: false },
  });
  if (problems.length > 0) return { variables: [], problems };

  const variables: Variable[] = [];
  const seen = new Set<string>();
  for (const { row, cells } of table.rows) {
    const get = (key: keyof typeof index) => cellAt(cells, index[key]).trim();
    const problem = (column: string, found: string, expected: string) => problems.push({ file: table.file, row, column, found, expected });
    const name = get('variable');
    if (!identifierPattern.test(name)) {
      problem('variable', quoteFound(name), 'a name of lower-case letters, digits and _ starting with a letter');
    } else if (isReservedName(name)) {
      problem(
        'variable',
        `"${name}", a name the pipeline uses for a column of its own`,
        `another name (not one of ${[...reservedNames].join(', ')})`,
      );
    } else if (seen.has(name)) problem('variable', `"${name}" a second time`, 'each variable once');
    seen.add(name);
    if (get('unit') === '') problem('unit', 'an empty unit', 'the unit the values are kept in, e.g. 万元');
    const bound = (key: 'min' | 'max'): number | null => {
      const parsed = parseCell(get(key));
      if (parsed.kind === 'number') return parsed.value;
      if (parsed.kind === 'invalid') problem(key, quoteFound(get(key)), 'a number or empty (no bound)');
      return null;
    };
    const min = bound('min');
    const max = bound('max');
    if (min !== null && max !== null && min > max) problem('max', `${max}, below min ${min}`, 'max >= min');
    variables.push({
      variable: name,
      dataset: get('dataset'),
      name_zh: get('name_zh'),
      name_en: get('name_en'),
      unit: get('unit'),
      min,
      max,
      description: get('description'),
      source: get('source'),
    });
  }
  if (variables.length === 0) problems.push({ file: table.file, found: 'no variables', expected: 'one row per variable' });
  return { variables, problems };
}
