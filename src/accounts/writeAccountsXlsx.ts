import type ExcelJS from 'exceljs';
import { type AccountsTable } from '../lib/accounts/AccountsReport.ts';
import { tableGrid } from '../lib/accounts/tableGrid.ts';

const forbidden = /[[\]:*?/\\]/g;

/**
 * Writes the accounts tables to an XLSX workbook, one sheet per table, in the layout of the
 * layout CSV: merged title and units lines, the stub header merged over two rows and "年份 Year"
 * merged over the years, indented row labels, numbers with fixed decimals, footnotes below.
 * Every label is written as text, never as a formula, whatever it starts with.
 */
export async function writeAccountsXlsx(path: string, tables: readonly AccountsTable[], createdAt: Date): Promise<void> {
  // Loaded when a workbook is written, not on every command (a quarter of a second).
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  workbook.creator = 'ipindex';
  workbook.created = createdAt;
  workbook.modified = createdAt;
  const used = new Set<string>();
  for (const table of tables) addSheet(workbook, table, uniqueSheetName(table.sheet, used));
  shareStyles(workbook);
  await workbook.xlsx.writeFile(path);
}

function addSheet(workbook: ExcelJS.Workbook, table: AccountsTable, name: string): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 1, ySplit: 4 }] });
  const width = table.columns.length + 1;
  sheet.getColumn(1).width = 48;
  for (let c = 2; c <= width; c++) sheet.getColumn(c).width = 13;
  const thin: Partial<ExcelJS.Borders> = { bottom: { style: 'thin' } };

  tableGrid(table).forEach((line, index) => {
    const r = index + 1;
    const row = sheet.getRow(r);
    line.cells.forEach((cell, i) => {
      if (cell === null) return;
      const target = row.getCell(i + 1);
      // exceljs stores a string value as a shared string even when it starts with =, + or @;
      // only a { formula } value is a formula, and none is ever given here.
      target.value = cell;
    });
    switch (line.kind) {
      case 'title':
        sheet.mergeCells(r, 1, r, width);
        row.getCell(1).font = { bold: true, size: 12 };
        break;
      case 'unit':
        sheet.mergeCells(r, 1, r, width);
        row.getCell(1).alignment = { horizontal: 'right' };
        break;
      case 'group':
        sheet.mergeCells(r, 1, r + 1, 1);
        if (width > 2) sheet.mergeCells(r, 2, r, width);
        row.getCell(1).alignment = { vertical: 'middle' };
        row.getCell(2).alignment = { horizontal: 'center' };
        for (let c = 1; c <= width; c++) row.getCell(c).font = { bold: true };
        break;
      case 'columns':
        for (let c = 2; c <= width; c++) {
          row.getCell(c).numFmt = '0';
          row.getCell(c).font = { bold: true };
          row.getCell(c).alignment = { horizontal: 'right' };
          row.getCell(c).border = thin;
        }
        row.getCell(1).border = thin;
        break;
      case 'heading':
        row.getCell(1).font = { bold: true };
        break;
      case 'body': {
        const spec = line.row;
        const bold = spec?.kind === 'total' || spec?.kind === 'subtotal';
        row.getCell(1).alignment = { indent: spec?.level ?? 0 };
        if (bold) row.getCell(1).font = { bold: true };
        const format = spec === undefined || spec.decimals === 0 ? '#,##0' : `#,##0.${'0'.repeat(spec.decimals)}`;
        for (let c = 2; c <= width; c++) {
          row.getCell(c).numFmt = format;
          if (bold) row.getCell(c).font = { bold: true };
        }
        break;
      }
      case 'footnote':
        sheet.mergeCells(r, 1, r, width);
        row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
        row.getCell(1).font = { size: 9 };
        row.height = 15 * Math.max(1, Math.ceil(String(line.cells[0]).length / (48 + 11 * (width - 1))));
        break;
    }
  });
}

/** A worksheet name Excel accepts: no []:*?/\, at most 31 characters, unique in the workbook. */
function uniqueSheetName(wanted: string, used: Set<string>): string {
  const base = wanted.replace(forbidden, ' ').trim().slice(0, 31) || 'Sheet';
  let name = base;
  for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - String(n).length - 1)}~${n}`;
  used.add(name.toLowerCase());
  return name;
}

/**
 * Lets the cells of equal style and value type share one style object. exceljs works out the
 * style id of every cell anew unless it has seen its style object before, and the id depends on
 * the value type; shared objects give every cell the id it had, found once.
 */
function shareStyles(workbook: ExcelJS.Workbook): void {
  const shared = new Map<string, Partial<ExcelJS.Style>>();
  workbook.eachSheet((sheet) => {
    sheet.eachRow({ includeEmpty: true }, (row) => {
      row.eachCell({ includeEmpty: true }, (cell) => {
        const key = `${cell.type} ${JSON.stringify(cell.style)}`;
        const style = shared.get(key);
        if (style === undefined) shared.set(key, cell.style);
        else cell.style = style;
      });
    });
  });
}
