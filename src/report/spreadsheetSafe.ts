/**
 * Text that a spreadsheet would take for a formula (starting with = + - @, a tab or a carriage
 * return) gets a leading apostrophe, so that a name in the user's CSV can never run as one in
 * whoever opens the download (OWASP, "CSV injection").
 */
export function spreadsheetSafe(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
