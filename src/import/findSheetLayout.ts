import { InputError } from '../lib/InputError.ts';
import { parseCell } from '../lib/parseCell.ts';
import type { RegionMatch, RegionMatcher } from '../lib/regionMatcher.ts';
import { columnLetter, headerKey, type SourceColumn } from './headerKey.ts';
import type { Sheet, SheetRow } from './readSheet.ts';

/** Where things are in a yearbook sheet: title, unit, header block, region column, data rows. */
export type SheetLayout = {
  /** The texts of the rows above the header (table number and title, in both languages). */
  title: string[];
  /** The unit as the unit row gives it ("单位：人年" -> 人年), with its row; null when there is none. */
  unit: { text: string; row: number } | null;
  /** Sheet row numbers of the header block. */
  headerRows: number[];
  /** 0-based index of the column whose names are matched; other name columns are left aside. */
  regionColumn: number;
  nameColumns: number[];
  /** Index into `sheet.rows` of the first data row. */
  firstData: number;
  /** The columns that may hold values, with the header texts above them. */
  columns: SourceColumn[];
};

// "单位：人年", "单位:万元", "(单位：件)", "计量单位：亿元 (100 million yuan)": NFKC makes the
// full-width colon and brackets plain; the unit ends at a space, bracket or punctuation.
const unitPattern = /(?:计量)?单\s*位\s*:\s*([^\s()[\],;]+)/u;
const maxHeaderRows = 6;

/** The unit named by a unit row's text, or null when the text is not one. */
export function unitOf(text: string): string | null {
  return unitPattern.exec(text.normalize('NFKC'))?.[1] ?? null;
}

/**
 * Finds the layout of a sheet as yearbooks print them: title rows, a unit row, a header block
 * of one or more rows (merged cells read from their top-left cell), then one row per region.
 * `regionHeader` names the region column when its names alone cannot tell it.
 */
export function findSheetLayout(sheet: Sheet, regions: RegionMatcher, regionHeader?: string): SheetLayout {
  const fail = (found: string, expected: string): never => {
    throw new InputError([{ file: sheet.file, found, expected }]);
  };
  const byNumber = new Map(sheet.rows.map((r) => [r.row, r]));
  const textAt = (row: SheetRow, col: number): string => {
    const cell = row.cells[col];
    if (cell?.master === undefined) return cell?.text ?? '';
    return byNumber.get(cell.master.row)?.cells[cell.master.col - 1]?.text ?? '';
  };
  const matches = new Map<string, RegionMatch>();
  const isName = (text: string): boolean => {
    if (text.trim() === '' || /^\s*[\d.,\s]+\s*$/.test(text)) return false;
    let match = matches.get(text);
    if (match === undefined) {
      match = regions.match(text);
      matches.set(text, match);
    }
    return match.kind !== 'unknown';
  };
  const width = Math.max(0, ...sheet.rows.map((r) => r.cells.length));

  const nameCounts = Array.from({ length: width }, (_, col) => sheet.rows.filter((r) => isName(r.cells[col]?.text ?? '')).length);
  const nameColumns = nameCounts.flatMap((n, col) => (n >= 3 ? [col] : []));
  let regionColumn = -1;
  if (regionHeader !== undefined) {
    const key = headerKey(regionHeader);
    for (const r of sheet.rows) {
      regionColumn = r.cells.findIndex((c) => c.master === undefined && headerKey(c.text) === key);
      if (regionColumn >= 0) break;
    }
    if (regionColumn < 0)
      fail(
        `no cell ${JSON.stringify(regionHeader)} (the region column of the map)`,
        'the header of the column naming the regions, as the sheet writes it',
      );
  } else {
    const most = Math.max(0, ...nameCounts);
    if (most === 0) fail('no column of region names', 'a column naming the regions (北京, 天津, ... or their codes)');
    // Yearbooks put the Chinese names first and the English beside them: the leftmost column of
    // names is read even where a misspelt name makes the English one match more rows.
    regionColumn = nameCounts.findIndex((n) => n * 2 >= most);
  }

  const isNumber = (text: string) => parseCell(text, { percent: 'strip' }).kind === 'number';
  const firstData = sheet.rows.findIndex(
    (r) =>
      isName(r.cells[regionColumn]?.text ?? '') &&
      r.cells.some((c, col) => col !== regionColumn && !nameColumns.includes(col) && isNumber(c.text)),
  );
  if (firstData < 0) fail('no row with a region name and a number', 'rows of values, one per region, below the header');

  let unit: SheetLayout['unit'] = null;
  for (const r of sheet.rows.slice(0, firstData)) {
    for (const cell of r.cells) {
      const text = cell.master === undefined ? unitOf(cell.text) : null;
      if (text !== null && unit === null) unit = { text, row: r.row };
    }
  }

  // The header block ends above the first data row (blank rows between ignored) and starts at
  // the row where the region column's header is written, e.g. "地 区".
  const isBlank = (r: SheetRow) => r.cells.every((c) => c.text.trim() === '');
  const header: SheetRow[] = [];
  for (let i = firstData - 1; i >= 0 && header.length < maxHeaderRows; i--) {
    const r = sheet.rows[i];
    if (r === undefined) break;
    if (isBlank(r)) {
      if (header.length > 0) break;
      continue;
    }
    if (unit?.row === r.row) break;
    header.unshift(r);
    const regionCell = r.cells[regionColumn];
    if ((regionCell?.text ?? '').trim() !== '' && (regionCell?.master === undefined || regionCell.master.row === r.row)) break;
  }
  const headerStart = header[0]?.row ?? sheet.rows[firstData]?.row ?? 0;
  const title = sheet.rows
    .filter((r) => r.row < headerStart && r.row !== unit?.row && !isBlank(r))
    .map((r) =>
      r.cells
        .filter((c) => c.master === undefined && c.text.trim() !== '')
        .map((c) => c.text.trim())
        .join(' '),
    );

  const data = sheet.rows.slice(firstData);
  const columns: SourceColumn[] = [];
  for (let col = 0; col < width; col++) {
    if (col === regionColumn || nameColumns.includes(col)) continue;
    const parts: string[] = [];
    for (const r of header) {
      for (const part of textAt(r, col).split(/\r?\n/)) {
        const trimmed = part.trim();
        if (trimmed !== '' && parts.at(-1) !== trimmed) parts.push(trimmed);
      }
    }
    const holdsValues = data.some((r) => (r.cells[col]?.text ?? '').trim() !== '');
    if (parts.length === 0 && !holdsValues) continue;
    columns.push({ index: col, name: columnLetter(col), label: parts.join(' '), parts });
  }
  return { title, unit, headerRows: header.map((r) => r.row), regionColumn, nameColumns, firstData, columns };
}
