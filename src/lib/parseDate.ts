/**
 * Parses a date cell as registers write it: 2023-05-17, 2023/5/17, 2023.5.17, 20230517 or
 * 2023年5月17日 (full-width digits too), into ISO form (YYYY-MM-DD), or null when it is not a
 * date of the calendar between 1900 and 2100 (2023-02-30 is not).
 */
export function parseDate(text: string | undefined): string | null {
  if (text === undefined) return null;
  const cell = text.normalize('NFKC').trim();
  const parts = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(cell)
    ?? /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(cell)
    ?? /^(\d{4})(\d{2})(\d{2})$/.exec(cell);
  if (parts === null) return null;
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  // Day 0 of the next month is the last day of this one.
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
