import type ExcelJS from 'exceljs';

/**
 * The text of an exceljs cell value: numbers as written, booleans as Excel shows them, dates as
 * ISO days, formulas by their result; an error value also in `error`.
 */
export function cellText(value: ExcelJS.CellValue): { text: string; error?: string } {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'number') return { text: String(value) };
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE' };
  if (value instanceof Date) return { text: value.toISOString().slice(0, 10) };
  if ('error' in value) return { text: value.error, error: value.error };
  if ('richText' in value) return { text: value.richText.map((part) => part.text).join('') };
  if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
  if ('text' in value) return { text: String(value.text) };
  return { text: '' };
}
