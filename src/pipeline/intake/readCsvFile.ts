import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { InputError, quoteFound, type Problem } from '../../lib/InputError.ts';
import { decodeText, type TextEncoding } from './decodeText.ts';

/** A CSV file as read: its header, its data rows with their row numbers, how it was decoded. */
export type CsvTable = {
  file: string;
  encoding: TextEncoding;
  delimiter: string;
  header: string[];
  rows: { row: number; cells: string[] }[];
  bytes: Buffer;
};

const expectedCsv = 'a CSV text file (UTF-8 or GBK) with a header row';

/**
 * Reads a CSV file of any encoding ipindex accepts; `label` is the name used in messages.
 * Throws InputError for an empty file, a file that is not text, or broken CSV.
 */
export async function readCsvFile(path: string, label: string): Promise<CsvTable> {
  const bytes = await readFile(path);
  const fail = (found: string, row?: number): never => {
    const problem: Problem = { file: label, found, expected: expectedCsv };
    if (row !== undefined) problem.row = row;
    throw new InputError([problem]);
  };
  if (bytes.length === 0) fail('an empty file');
  const decoded = decodeText(bytes);
  if (!decoded.ok) return fail(decoded.found);
  const text = decoded.text;
  if (text.trim() === '') fail('a file with no content but blank space');

  const delimiter = sniffDelimiter(text);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      bom: true,
    }) as unknown as typeof records;
  } catch (error) {
    const e = error as { lines?: number; code?: string };
    return fail(`text that is not CSV (${csvErrors[e.code ?? ''] ?? 'unreadable quoting'})`, e.lines);
  }
  const [first, ...rest] = records;
  if (first === undefined) return fail('no rows');
  const header = first.record.map((name) => name.normalize('NFKC').trim());
  const rows = rest
    .map(({ record, info }) => ({ row: info.lines, cells: record }))
    .filter(({ cells }) => cells.some((cell) => cell.trim() !== ''));
  if (header.length < 2) {
    fail(`a single column ${quoteFound(header[0] ?? '')} in the header row`, 1);
  }
  return { file: label, encoding: decoded.encoding, delimiter, header, rows, bytes };
}

/** What csv-parse's error codes mean, in the words of someone editing the file. */
const csvErrors: Record<string, string> = {
  INVALID_OPENING_QUOTE: 'a quote inside an unquoted cell',
  CSV_QUOTE_NOT_CLOSED: 'a quote that is never closed',
  CSV_INVALID_CLOSING_QUOTE: 'text right after a closing quote',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'text right after a closing quote',
};

/** Picks the delimiter that the header line uses most: comma, semicolon or tab. */
function sniffDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const count = (d: string) => firstLine.split(d).length - 1;
  const candidates = [',', ';', '\t'];
  return candidates.reduce((best, d) => (count(d) > count(best) ? d : best), ',');
}
