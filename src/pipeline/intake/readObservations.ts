import { quoteFound, type Problem } from '../../lib/InputError.ts';
import { parseCell, parseYear } from '../../lib/parseCell.ts';
import type { RegionMatcher } from '../../lib/regionMatcher.ts';
import { nationalCode, type Observation, type Variable } from '../../lib/types.ts';
import { cellAt, findColumns, type ColumnSpec } from './findColumns.ts';
import type { CsvTable } from './readCsvFile.ts';

/** A row left out on purpose (a national or zone total, say), reported rather than hidden. */
export type DroppedRow = { file: string; row: number; reason: string };

export type ObservationFile = {
  file: string;
  shape: 'wide' | 'long';
  observations: Observation[];
  dropped: DroppedRow[];
  problems: Problem[];
};

const regionColumn: ColumnSpec = {
  name: 'region_code',
  aliases: ['region', 'region_name', 'province', '地区', '省份', '地区代码', '省份代码'],
  required: true,
};
const yearColumn: ColumnSpec = { name: 'year', aliases: ['年份', '年度', '年'], required: true };
const expectedNumber = 'a number (a missing value as an empty cell, NA, -, — or …)';

/**
 * Reads one observation file, wide (`region_code, year, <variable>...`) or long
 * (`region_code, year, variable, value[, unit]`), into observations with their source cells.
 */
export function readObservations(
  table: CsvTable,
  codebook: ReadonlyMap<string, Variable>,
  regions: RegionMatcher,
): ObservationFile {
  const lower = table.header.map((h) => h.toLowerCase());
  const shape = lower.includes('variable') && lower.includes('value') ? 'long' : 'wide';
  const specs = {
    region: regionColumn,
    year: yearColumn,
    variable: { name: 'variable', required: shape === 'long' },
    value: { name: 'value', required: shape === 'long' },
    unit: { name: 'unit', required: false },
  };
  const { index, problems } = findColumns(table, specs);
  const result: ObservationFile = { file: table.file, shape, observations: [], dropped: [], problems };
  if (problems.length > 0) return result;

  // In a wide file every other column must be a declared variable.
  const known = new Set(Object.values(index));
  const valueColumns = table.header.flatMap((name, i) => (known.has(i) || name === '' ? [] : [{ name, i }]));
  if (shape === 'wide') {
    for (const { name } of valueColumns) {
      if (!codebook.has(name)) {
        problems.push({ file: table.file, row: 1, column: name, found: `the undeclared variable "${name}"`, expected: 'a variable declared in variables.csv' });
      }
    }
    if (valueColumns.length === 0) {
      problems.push({ file: table.file, row: 1, found: 'no variable columns', expected: 'columns region_code, year and one column per variable, or a long file with variable and value' });
    }
    if (problems.length > 0) return result;
  }

  for (const { row, cells } of table.rows) {
    const regionText = cellAt(cells, index.region);
    const match = regions.match(regionText);
    if (match.kind === 'aggregate' && match.what !== 'national') {
      result.dropped.push({ file: table.file, row, reason: `${quoteFound(regionText.trim())} is ${match.what === 'outside' ? 'outside the regions of regions.csv' : 'a zone total'}` });
      continue;
    }
    if (match.kind === 'unknown') {
      problems.push({
        file: table.file,
        row,
        column: table.header[index.region] ?? 'region_code',
        found: `the unknown region ${quoteFound(regionText)}`,
        expected: match.candidates.length > 1 ? `one region, but it fits ${match.candidates.join(', ')}` : 'a region_code or name listed in regions.csv',
      });
      continue;
    }
    const yearText = cellAt(cells, index.year);
    const year = parseYear(yearText);
    if (year === null) {
      problems.push({ file: table.file, row, column: table.header[index.year] ?? 'year', found: quoteFound(yearText), expected: 'a year such as 2023' });
      continue;
    }
    const region_code = match.kind === 'region' ? match.region_code : nationalCode;
    const base = { region_code, year, source_file: table.file, source_row: row };

    const add = (variable: string, text: string, column: string, unit: string) => {
      const parsed = parseCell(text);
      if (parsed.kind === 'invalid') {
        problems.push({ file: table.file, row, column, found: `${quoteFound(text)} (${parsed.reason})`, expected: expectedNumber });
        return;
      }
      const value = parsed.kind === 'number' ? parsed.value : null;
      result.observations.push({ ...base, variable, value, source_value: value, source_unit: unit, source_column: column });
    };

    if (shape === 'wide') {
      for (const { name, i } of valueColumns) add(name, cellAt(cells, i), name, codebook.get(name)?.unit ?? '');
    } else {
      const variable = cellAt(cells, index.variable).trim();
      const declared = codebook.get(variable);
      if (declared === undefined) {
        problems.push({ file: table.file, row, column: 'variable', found: `the undeclared variable ${quoteFound(variable)}`, expected: 'a variable declared in variables.csv' });
        continue;
      }
      const unit = cellAt(cells, index.unit).normalize('NFKC').trim();
      add(variable, cellAt(cells, index.value), 'value', unit === '' ? declared.unit : unit);
    }
  }
  return result;
}
