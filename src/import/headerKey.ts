/**
 * The form in which header texts and map texts are compared: NFKC, no whitespace (yearbook
 * headers break words across lines and pad them with spaces), lower-case Latin, and without the
 * "of which" markers of yearbooks (a leading # or 其中).
 */
export function headerKey(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u200b-\u200d\u2060\ufeff]+/gu, '')
    .toLowerCase()
    .replace(/^(?:#|其中[:：]?)+/u, '');
}

/** A source column as the importer names it: where it is and what its header says. */
export type SourceColumn = { index: number; name: string; label: string; parts: string[] };

/**
 * The source column a map text stands for: the one with a header line equal to it, else the one
 * whose whole header contains it. Returns the columns it fits when that is not exactly one.
 */
export function findSourceColumn(columns: readonly SourceColumn[], text: string): { column: SourceColumn } | { fits: SourceColumn[] } {
  const key = headerKey(text);
  const exact = columns.filter((c) => c.parts.some((part) => headerKey(part) === key) || headerKey(c.label) === key);
  if (exact.length === 1 && exact[0] !== undefined) return { column: exact[0] };
  if (exact.length > 1) return { fits: exact };
  const partial = columns.filter((c) => key !== '' && headerKey(c.label).includes(key));
  if (partial.length === 1 && partial[0] !== undefined) return { column: partial[0] };
  return { fits: partial };
}

/** The spreadsheet letter of a 0-based column index: 0 -> A, 26 -> AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
