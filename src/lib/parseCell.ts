/** A cell read as a number: a value, a missing marker, or text that is neither (with why). */
export type ParsedCell =
  | { kind: 'number'; value: number }
  | { kind: 'missing' }
  | { kind: 'invalid'; reason: string };

/** How to read a cell; `percent: 'strip'` reads `12.5%` as 12.5 (not 0.125). */
export type ParseCellOptions = {
  percent?: 'reject' | 'strip';
};

// Yearbooks mark "no data" with runs of dashes (-, --, —, ——, –, −) or ellipses (…, ……, ...);
// after NFKC an ellipsis is three dots. None of these may ever become zero.
const missingMarker = /^(?:[-\u2010-\u2015\u2212]+|\.{3,}|na|n\/a|nan|null)$/i;

// Excel writes its errors into exported CSV as text.
const excelErrors = new Set([
  '#DIV/0!',
  '#N/A',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#NULL!',
  '#SPILL!',
  '#CALC!',
  '#GETTING_DATA',
]);

// A plain number, or one whose integer part is grouped by threes with commas or with spaces
// (NFKC has turned thin and no-break spaces into plain ones), one separator kind per number.
// Exponents only go with ungrouped numbers: nobody writes "1,234e5".
const plainNumber = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
const commaGrouped = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;
const spaceGrouped = /^[+-]?\d{1,3}(?: \d{3})+(?:\.\d*)?$/;

const notANumber = { kind: 'invalid', reason: 'not a number' } as const;

/** Parses one cell of an input file as a number, telling missing markers and junk apart. */
export function parseCell(text: string | undefined, options: ParseCellOptions = {}): ParsedCell {
  if (text === undefined) return { kind: 'missing' };
  // NFKC first: it turns full-width digits, signs, dots, commas, % and spaces into ASCII.
  // U+2212 is the minus sign of typeset tables; NFKC leaves it alone.
  const cell = text.normalize('NFKC').trim().replace(/\u2212/g, '-');
  if (cell === '' || missingMarker.test(cell)) return { kind: 'missing' };

  const upper = cell.toUpperCase();
  if (excelErrors.has(upper)) return { kind: 'invalid', reason: `Excel error value ${upper}` };

  const percent = cell.endsWith('%');
  const numeral = percent ? cell.slice(0, -1).trimEnd() : cell;
  let digits: string;
  if (plainNumber.test(numeral)) digits = numeral;
  else if (commaGrouped.test(numeral) || spaceGrouped.test(numeral)) digits = numeral.replace(/[, ]/g, '');
  else return notANumber;

  // Whether 12.5% means 12.5 or 0.125 depends on the variable's unit, so the caller decides.
  if (percent && (options.percent ?? 'reject') === 'reject') {
    return { kind: 'invalid', reason: 'percent sign: give the number without %' };
  }
  const value = Number(digits);
  return Number.isFinite(value) ? { kind: 'number', value } : notANumber;
}

/** Parses a year cell (`2020`, `2020年`, `2020.0`, full-width digits) into 1900-2100, else null. */
export function parseYear(text: string | undefined): number | null {
  if (text === undefined) return null;
  const digits = /^(\d{4})(?:\.0+|\s*年)?$/.exec(text.normalize('NFKC').trim())?.[1];
  if (digits === undefined) return null;
  const year = Number(digits);
  return year >= 1900 && year <= 2100 ? year : null;
}

/**
 * How a cell that parses as a number differs from a plain ASCII number, for the data-quality
 * summary: 'full-width characters', 'percent sign', 'thousands separators', 'minus sign' or
 * 'spaces'; null when it is plain already (or not a number at all).
 */
export function cellReformatting(text: string): string | null {
  if (plainNumber.test(text)) return null;
  const cell = text.normalize('NFKC').trim().replace(/\u2212/g, '-');
  if (parseCell(cell, { percent: 'strip' }).kind !== 'number') return null;
  if (text.trim().normalize('NFKC') !== text.trim()) return 'full-width characters';
  if (cell.endsWith('%')) return 'percent sign';
  if (!plainNumber.test(cell)) return 'thousands separators';
  if (text.includes('\u2212')) return 'minus sign';
  return 'spaces';
}
