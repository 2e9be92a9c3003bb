import { quoteFound, type Problem } from '../lib/InputError.ts';
import { parseCell, parseYear } from '../lib/parseCell.ts';
import type { RegionMatch, RegionMatcher } from '../lib/regionMatcher.ts';
import type { Variable } from '../lib/types.ts';
import { leftOutBecause } from './classifyRegionRow.ts';
import { findSheetLayout, type SheetLayout } from './findSheetLayout.ts';
import { columnLetter, findSourceColumn, headerKey, type SourceColumn } from './headerKey.ts';
import type { ImportMap } from './importMapSchema.ts';
import type { ImportResult } from './ImportResult.ts';
import type { Sheet } from './readSheet.ts';

/** How the importer names its inputs in messages. */
export type ImportLabels = { map: string };

export const expectedNumber = 'a number (a missing value as an empty cell, NA, -, — or …)';

/**
 * Imports a yearbook sheet (title, unit row, header block, one row per region, one column per
 * item): the columns the map names become variables, each region's row a value per variable.
 * National, zone and Hong Kong/Macao/Taiwan rows, footnotes and continuation titles are left out
 * and listed; names that match no region are problems, never dropped.
 */
export function importSheet(
  sheet: Sheet,
  map: ImportMap,
  codebook: ReadonlyMap<string, Variable>,
  regions: RegionMatcher,
  labels: ImportLabels,
): ImportResult {
  const layout = findSheetLayout(sheet, regions, map.region);
  const result: ImportResult = {
    file: sheet.file,
    values: [],
    dropped: [],
    notSelected: new Map(),
    rowsRead: 0,
    blankRows: 0,
    notes: [],
    problems: [],
  };
  const { problems, notes } = result;
  const reading: Reading = {
    sheet,
    layout,
    notes,
    mapProblem: (column, found, expected) => problems.push({ file: labels.map, column, found, expected }),
  };

  if (sheet.kind === 'xlsx') notes.push(`sheet ${JSON.stringify(sheet.name)}`);
  if (layout.title.length > 0) notes.push(`title: ${layout.title.join(' / ')}`);
  const { year, yearColumn } = sheetYear(reading, map);
  const unit = sheetUnit(reading, map);
  notes.push(layoutNote(sheet, layout));
  const targets = mapTargets(reading, map, codebook);
  if (problems.length > 0) return result;
  readRegionRows(reading, regions, { year, yearColumn, unit, targets }, result);
  return result;
}

/** What the steps of an import share: the sheet, its layout, the notes, and how to report a problem of the map. */
type Reading = {
  sheet: Sheet;
  layout: SheetLayout;
  notes: string[];
  mapProblem: (column: string, found: string, expected: string) => void;
};

/** A column as messages name it: its letter and header. */
const describe = (c: SourceColumn) => `${c.name} ${JSON.stringify(c.label)}`;

/** The year of the values: from the map, from a column, or from the title. */
function sheetYear(
  { sheet, layout, notes, mapProblem }: Reading,
  map: ImportMap,
): { year: number | null; yearColumn: SourceColumn | null } {
  let year: number | null = null;
  let yearColumn: SourceColumn | null = null;
  if (typeof map.year === 'number') {
    year = map.year;
    notes.push(`year ${year} (from the map)`);
  } else if (typeof map.year === 'object') {
    const found = findSourceColumn(layout.columns, map.year.column);
    if ('column' in found) {
      yearColumn = found.column;
      notes.push(`years from column ${describe(found.column)}`);
    } else
      mapProblem(
        'year.column',
        `${found.fits.length === 0 ? 'no column' : `${found.fits.length} columns`} headed ${JSON.stringify(map.year.column)}`,
        `the header of one column of ${sheet.file}`,
      );
  } else {
    const years = [
      ...new Set(layout.title.flatMap((t) => [...t.normalize('NFKC').matchAll(/(?<!\d)((?:19|20)\d{2})(?!\d)/g)].map((m) => Number(m[1])))),
    ];
    const [only] = years;
    if (years.length === 1 && only !== undefined) {
      year = only;
      notes.push(`year ${year} (from the title)`);
    } else {
      mapProblem(
        'year',
        years.length === 0 ? 'no year in the title of the sheet' : `several years in the title of the sheet (${years.join(', ')})`,
        'year in the map: a year such as 2018, or {column: <header of the year column>}',
      );
    }
  }

  return { year, yearColumn };
}

/** The unit of the values: the sheet's unit row, or the map's when the sheet has none; both must agree. */
function sheetUnit({ layout, notes, mapProblem }: Reading, map: ImportMap): string {
  let unit = '';
  if (layout.unit !== null) {
    unit = layout.unit.text;
    notes.push(`unit ${unit} (row ${layout.unit.row})`);
    if (map.unit !== undefined && map.unit !== unit) {
      mapProblem(
        'unit',
        `the unit ${JSON.stringify(map.unit)}, but row ${layout.unit.row} of the sheet says ${JSON.stringify(unit)}`,
        'the unit of the sheet, or no unit in the map',
      );
    }
  } else if (map.unit !== undefined) {
    unit = map.unit;
    notes.push(`unit ${unit} (from the map: the sheet has no unit row)`);
  } else {
    mapProblem('unit', 'no unit: the sheet has no unit row ("单位：...")', 'unit in the map, e.g. unit: 万元');
  }

  return unit;
}

/** Where the header, the region names and the data were found, for the notes. */
function layoutNote(sheet: Sheet, layout: SheetLayout): string {
  const [headerFirst] = layout.headerRows;
  const headerLast = layout.headerRows.at(-1);
  const firstDataRow = sheet.rows[layout.firstData]?.row ?? 0;
  return (
    `${headerFirst === undefined ? 'no header rows' : headerFirst === headerLast ? `header row ${headerFirst}` : `header rows ${headerFirst}-${headerLast}`}; ` +
    `region names in column ${columnLetter(layout.regionColumn)}; data from row ${firstDataRow}`
  );
}

type Target = { variable: string; column: SourceColumn };

/** The columns of the map's variables: each names the one column whose header holds its text. */
function mapTargets({ layout, notes, mapProblem }: Reading, map: ImportMap, codebook: ReadonlyMap<string, Variable>): Target[] {
  const targets: Target[] = [];
  const taken = new Map<number, string>();
  for (const [variable, text] of Object.entries(map.variables)) {
    if (!codebook.has(variable))
      mapProblem(`variables.${variable}`, `the undeclared variable "${variable}"`, 'a variable declared in variables.csv');
    const found = findSourceColumn(layout.columns, text);
    if (!('column' in found)) {
      const among = found.fits.length === 0 ? layout.columns : found.fits;
      mapProblem(
        `variables.${variable}`,
        `${found.fits.length === 0 ? 'no column' : `${found.fits.length} columns`} headed ${JSON.stringify(text)} among ${among.map(describe).join(', ')}`,
        'a text found in the header of exactly one column',
      );
      continue;
    }
    const already = taken.get(found.column.index);
    if (already !== undefined)
      mapProblem(`variables.${variable}`, `column ${describe(found.column)}, already taken by ${already}`, 'one column per variable');
    taken.set(found.column.index, variable);
    targets.push({ variable, column: found.column });
    notes.push(`column ${describe(found.column)} -> ${variable}`);
  }
  return targets;
}

/**
 * The region rows into values: national, zone and Hong Kong/Macao/Taiwan rows, footnotes and
 * repeated headers left out and listed; unknown regions, years and duplicate rows as problems.
 */
function readRegionRows(
  { sheet, layout, notes }: Reading,
  regions: RegionMatcher,
  { year, yearColumn, unit, targets }: { year: number | null; yearColumn: SourceColumn | null; unit: string; targets: readonly Target[] },
  result: ImportResult,
): void {
  const { problems } = result;
  const [headerFirst] = layout.headerRows;
  const firstDataRow = sheet.rows[layout.firstData]?.row ?? 0;
  const regionHeaderKey = headerKey(
    layout.headerRows.length > 0 ? (sheet.rows.find((r) => r.row === headerFirst)?.cells[layout.regionColumn]?.text ?? '') : '',
  );
  const seen = new Map<string, number>();
  const variantsUsed = new Map<string, string>();
  for (const r of sheet.rows.slice(layout.firstData)) {
    result.rowsRead += 1;
    const texts = r.cells.map((c) => c.text);
    if (texts.every((t) => t.trim() === '')) {
      result.blankRows += 1;
      continue;
    }
    const regionCell = r.cells[layout.regionColumn]?.text ?? '';
    const first = texts.find((t) => t.trim() !== '') ?? '';
    const named = regionCell.trim() === '' ? first : regionCell;
    const match: RegionMatch = regions.match(regionCell);
    const drop = (reason: string) =>
      result.dropped.push({ file: sheet.file, row: r.row, reason: `${quoteFound(named.trim())}: ${reason}` });
    if (regionHeaderKey !== '' && headerKey(regionCell) === regionHeaderKey) {
      drop('repeated header');
      continue;
    }
    const reason = leftOutBecause(first, texts, match);
    if (reason !== null) {
      drop(reason);
      continue;
    }
    const valueCells = targets.map((t) => r.cells[t.column.index]?.text ?? '');
    if (match.kind !== 'region') {
      if (valueCells.every((t) => t.trim() === '')) {
        drop('a row of text without values or a region');
        continue;
      }
      problems.push({
        file: sheet.file,
        row: r.row,
        column: columnLetter(layout.regionColumn),
        found: `the unknown region ${quoteFound(regionCell)}`,
        expected:
          match.kind === 'unknown' && match.candidates.length > 1
            ? `one region, but it fits ${match.candidates.join(', ')}`
            : 'a region name or code of regions.csv (or a known variant: src/lib/regionVariants.ts)',
      });
      continue;
    }
    if (match.how === 'variant') variantsUsed.set(regionCell.trim(), match.region_code);

    let rowYear = year;
    if (yearColumn !== null) {
      const text = r.cells[yearColumn.index]?.text ?? '';
      rowYear = parseYear(text);
      if (rowYear === null) {
        problems.push({ file: sheet.file, row: r.row, column: yearColumn.name, found: quoteFound(text), expected: 'a year such as 2023' });
        continue;
      }
    }
    if (rowYear === null) continue;
    const key = `${match.region_code} ${rowYear}`;
    const firstRow = seen.get(key);
    if (firstRow !== undefined) {
      problems.push({
        file: sheet.file,
        row: r.row,
        column: columnLetter(layout.regionColumn),
        found: `a second row for region ${match.region_code} in ${rowYear} (first at row ${firstRow})`,
        expected: 'one row per region',
      });
      continue;
    }
    seen.set(key, r.row);
    for (const { variable, column } of targets) {
      const cell = r.cells[column.index];
      const value = readValue(cell?.text ?? '', cell?.error, unit, sheet.file, r.row, column.name, problems);
      if (value !== undefined)
        result.values.push({ region_code: match.region_code, year: rowYear, variable, value, unit, row: r.row, column: column.name });
    }
  }
  // Excel does not store empty rows: the gaps between stored rows are blank rows too.
  const lastRow = sheet.rows.at(-1)?.row ?? firstDataRow;
  const span = lastRow - firstDataRow + 1;
  result.blankRows += span - result.rowsRead;
  result.rowsRead = span;
  for (const [name, code] of variantsUsed) notes.push(`read ${JSON.stringify(name)} as region ${code} (a known variant spelling)`);
}

/** A cell read as a value: a number, null when missing, undefined when wrong (a problem is added). */
export function readValue(
  text: string,
  error: string | undefined,
  unit: string,
  file: string,
  row: number,
  column: string,
  problems: Problem[],
): number | null | undefined {
  const parsed = error !== undefined ? parseCell(error) : parseCell(text, { percent: unit === '%' ? 'strip' : 'reject' });
  if (parsed.kind === 'invalid') {
    problems.push({ file, row, column, found: `${quoteFound(error ?? text)} (${parsed.reason})`, expected: expectedNumber });
    return undefined;
  }
  return parsed.kind === 'number' ? parsed.value : null;
}
