import { type AccountsTable } from '../lib/accounts/AccountsReport.ts';
import { tableGrid } from '../lib/accounts/tableGrid.ts';

/**
 * A table as CSV in the national-accounts layout (title, units line, header, indented rows,
 * footnotes), the same grid as its worksheet. Starts with a byte-order mark so that Excel reads
 * the Chinese labels as UTF-8. A text cell that a spreadsheet would take for a formula (it starts
 * with = + - @, a tab or a carriage return) is prefixed with an apostrophe.
 */
export function accountsTableCsv(table: AccountsTable): string {
  const lines = tableGrid(table).map((line) => line.cells.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function csvCell(cell: string | number | null): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  const text = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
