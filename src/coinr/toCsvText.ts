/** Writes rows as CSV text (RFC 4180): a cell holding a comma, quote or line break is quoted. */
export function toCsvText(rows: readonly (readonly string[])[]): string {
  const cell = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  return rows.map((row) => row.map(cell).join(',')).join('\n') + '\n';
}
