import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { InputError } from '../lib/InputError.ts';
import { sniffEncoding } from '../files/decodeText.ts';
import { streamCsvRecords } from '../files/readCsvFile.ts';
import { cellText } from '../files/cellText.ts';

/** One cell of a sheet as text; `error` holds an Excel error value (#DIV/0!, #N/A, ...). */
export type SheetCell = {
  text: string;
  error?: string;
  /** For a cell inside a merged range other than its top-left one: that cell's row and column (1-based). */
  master?: { row: number; col: number };
};

/** A row of a sheet with its number as the spreadsheet (or text editor) shows it. */
export type SheetRow = { row: number; cells: SheetCell[] };

/** A worksheet or a CSV file read as a grid of texts, for the importer to find its layout in. */
export type Sheet = { file: string; name: string; kind: 'xlsx' | 'csv'; rows: SheetRow[] };

const expectedSheet = 'an Excel .xlsx workbook or a CSV file';

/**
 * Reads a sheet for import: an .xlsx worksheet (`sheet`: its name or 1-based number, default the
 * first) through exceljs, or a CSV file of any encoding ipindex reads. Old and encrypted .xls
 * files, which exceljs cannot open, get a message saying how to save them.
 */
export async function readSheet(path: string, label: string, sheet?: string | number): Promise<Sheet> {
  const head = await readFile(path).then(
    (b) => b.subarray(0, 8192),
    () => {
      throw new InputError([{ file: label, found: 'no such file', expected: expectedSheet }]);
    },
  );
  if (head.length === 0) throw new InputError([{ file: label, found: 'an empty file', expected: expectedSheet }]);
  const isZip = head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
  const isOle = head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0;
  if (isOle) {
    const bytes = await readFile(path);
    // An OLE file holding an "EncryptedPackage" stream is an .xlsx locked with a password,
    // as some download sites serve them; any other OLE file is a pre-2007 .xls workbook.
    const encrypted = bytes.includes(Buffer.from('EncryptedPackage', 'utf16le'));
    throw new InputError([
      {
        file: label,
        found: encrypted ? 'an encrypted Excel workbook (protected by the site it came from)' : 'an old Excel .xls workbook',
        expected: `${expectedSheet}: open it in Excel or WPS and save it as .xlsx`,
      },
    ]);
  }
  if (isZip) return readXlsx(path, label, sheet);
  const sniffed = sniffEncoding(head);
  if (!sniffed.ok)
    throw new InputError([
      { file: label, ...(sniffed.row === undefined ? {} : { row: sniffed.row }), found: sniffed.found, expected: expectedSheet },
    ]);
  const rows: SheetRow[] = [];
  await streamCsvRecords(path, label, (cells, row) => rows.push({ row, cells: cells.map((text) => ({ text })) }));
  return { file: label, name: label, kind: 'csv', rows };
}

async function readXlsx(path: string, label: string, sheet?: string | number): Promise<Sheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch {
    throw new InputError([
      {
        file: label,
        found: 'a ZIP file that is not a readable .xlsx workbook',
        expected: `${expectedSheet}: open it in Excel or WPS and save it as .xlsx`,
      },
    ]);
  }
  const sheets = workbook.worksheets;
  const names = sheets.map((s) => `"${s.name}"`).join(', ');
  const worksheet = sheet === undefined ? sheets[0] : typeof sheet === 'number' ? sheets[sheet - 1] : sheets.find((s) => s.name === sheet);
  if (worksheet === undefined) {
    throw new InputError([
      {
        file: label,
        column: 'sheet',
        found: sheet === undefined ? 'no worksheet' : `no sheet ${JSON.stringify(sheet)}`,
        expected: `one of the ${sheets.length} sheets ${names} (a name or a number from 1)`,
      },
    ]);
  }
  const rows: SheetRow[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: SheetCell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      const sheetCell: SheetCell = cellText(cell.value);
      if (cell.isMerged && cell.master !== cell) {
        sheetCell.master = { row: Number(cell.master.row), col: Number(cell.master.col) };
      }
      cells[col - 1] = sheetCell;
    });
    for (let i = 0; i < cells.length; i++) cells[i] ??= { text: '' };
    rows.push({ row: rowNumber, cells });
  });
  return { file: label, name: worksheet.name, kind: 'xlsx', rows };
}
