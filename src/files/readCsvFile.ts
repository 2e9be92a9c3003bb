import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { Parser, type Options } from 'csv-parse';
import { InputError, quoteFound, type Problem } from '../lib/InputError.ts';
import { describeFsError, fileProblem } from './readInputFile.ts';
import { createChunkDecoder, sniffEncoding, TextDecodeError, type TextEncoding } from './decodeText.ts';

/** A CSV file as read: its header, its data rows with their row numbers, how it was decoded. */
export type CsvTable = {
  file: string;
  encoding: TextEncoding;
  delimiter: string;
  header: string[];
  rows: { row: number; cells: string[] }[];
  bytes: Buffer;
};

/** What reading a CSV file record by record found out about the file itself. */
export type CsvSource = {
  file: string;
  encoding: TextEncoding;
  delimiter: string;
  sha256: string;
  bytes: number;
};

/** Receives each record of a CSV file with its row number (1-based, as a spreadsheet shows it). */
export type RecordSink = (cells: string[], row: number) => void;

const expectedCsv = 'a CSV text file (UTF-8 or GBK) with a header row';
const chunkSize = 1 << 20;
const maxTableBytes = 64 << 20;
// No row of an input needs more (a wide row of a hundred variables is a few KB); a longer one
// is not a table (a 50 MB line of commas, say), and csv-parse would hold all of it.
export const maxRecordChars = 1 << 20;
// Enough text to hold the header line of any sensible file; the delimiter is sniffed from it.
const sniffLength = 1 << 16;

/**
 * Reads a CSV file of any encoding ipindex accepts; `label` is the name used in messages.
 * Throws InputError for an empty file, a file that is not text, or broken CSV.
 */
export async function readCsvFile(path: string, label: string): Promise<CsvTable> {
  // The whole file is kept, so it is bounded: a region table or codebook of thousands of rows
  // is a few MB.
  const problem = await fileProblem(path, label, expectedCsv, maxTableBytes);
  if (problem !== null) throw new InputError([problem]);
  const records: { row: number; cells: string[] }[] = [];
  const source = await streamCsvRecords(path, label, (cells, row) => records.push({ row, cells }));
  const [first, ...rest] = records;
  if (first === undefined) return failCsv(label, 'no rows');
  const header = first.cells.map((name) => name.normalize('NFKC').trim());
  const rows = rest.filter(({ cells }) => !isBlankRecord(cells));
  if (header.length < 2) failCsv(label, `a single column ${quoteFound(header[0] ?? '')} in the header row`, 1);
  return { file: label, encoding: source.encoding, delimiter: source.delimiter, header, rows, bytes: await readFile(path) };
}

/** A record with no content: a blank line of a ragged file, or a row of empty cells. */
export function isBlankRecord(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

/** Throws the InputError of a file that is not readable CSV. */
export function failCsv(label: string, found: string, row?: number): never {
  const problem: Problem = { file: label, found, expected: expectedCsv };
  if (row !== undefined) problem.row = row;
  throw new InputError([problem]);
}

/**
 * Reads a CSV file record by record without holding it in memory, so that files of several
 * hundred MB can be read: the bytes are decoded chunk by chunk (UTF-8, GB18030 or UTF-16) and
 * parsed by csv-parse as they come. Records of empty lines are skipped; rows of empty cells are
 * passed on. Throws InputError as `readCsvFile` does.
 */
export async function streamCsvRecords(path: string, label: string, onRecord: RecordSink): Promise<CsvSource> {
  const problem = await fileProblem(path, label, expectedCsv);
  if (problem !== null) throw new InputError([problem]);
  const sniffed = await sniffFile(path, label);
  // Without a BOM, only the whole file tells UTF-8 from GB18030; a first pass decides before
  // any record is handed on, since a GBK file may be pure ASCII for its first megabytes.
  const encoding = sniffed.encoding ?? ((await isUtf8File(path)) ? 'utf-8' : 'gb18030');
  const decoder = createChunkDecoder(encoding);
  const hash = createHash('sha256');
  let bytes = 0;
  let pending: string | null = '';
  let delimiter = ',';
  let parser: CsvParser | null = null;
  let sawContent = false;
  let lastLine = 0;

  // Line endings become LF before parsing: csv-parse settles on the first ending it meets and
  // reads a file that mixes CRLF, LF and CR (an old Mac's) as fewer, longer lines, so its row
  // numbers and records would not be the lines an editor shows. A CR at the end of a chunk waits
  // for the next one, which may begin with its LF.
  let carriedCr = false;
  const feed = (chunk: string, end: boolean) => {
    let text = carriedCr ? `\r${chunk}` : chunk;
    carriedCr = !end && text.endsWith('\r');
    if (carriedCr) text = text.slice(0, -1);
    if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
    // csv-parse takes an empty chunk for the end of the input.
    if (text === '' && !end) return;
    if (!sawContent && /\S/.test(text)) sawContent = true;
    if (pending !== null) {
      pending += text;
      if (!end && pending.length < sniffLength && !/\r?\n/.test(pending)) return;
      delimiter = sniffDelimiter(pending);
      parser = createCsvParser(delimiter);
      text = pending;
      pending = null;
    }
    const push = (record: string[]) => {
      // csv-parse counts a record at its last line; a cell may hold line breaks.
      const lines = parser?.info.lines ?? 0;
      lastLine = lines;
      onRecord(record, lines - lineBreaksIn(record));
    };
    const error = parser?.parse(text === '' ? undefined : Buffer.from(text, 'utf8'), end, push, () => {});
    if (error !== undefined) {
      const e = error as { lines?: number; code?: string };
      // csv-parse reports an unclosed quote at the end of the file; the row after the last
      // complete record is where the quote was opened.
      const row = e.code === 'CSV_QUOTE_NOT_CLOSED' ? lastLine + 1 : e.lines;
      failCsv(label, `text that is not CSV (${csvErrors[e.code ?? ''] ?? 'unreadable quoting'})`, row);
    }
  };

  try {
    let skip = sniffed.skip;
    for await (const chunk of createReadStream(path, { highWaterMark: chunkSize }) as AsyncIterable<Buffer>) {
      hash.update(chunk);
      bytes += chunk.length;
      const body = skip > 0 ? chunk.subarray(Math.min(skip, chunk.length)) : chunk;
      skip = Math.max(0, skip - chunk.length);
      feed(decoder.write(body), false);
    }
    feed(decoder.end(), true);
  } catch (error) {
    if (error instanceof TextDecodeError) failCsv(label, error.found);
    // The disk failing, or the file going, while it is read.
    if (typeof (error as NodeJS.ErrnoException).code === 'string' && (error as NodeJS.ErrnoException).syscall !== undefined)
      failCsv(label, `a file that could not be read to its end (${describeFsError(error)})`);
    throw error;
  }
  if (!sawContent) failCsv(label, 'a file with no content but blank space');
  return { file: label, encoding, delimiter, sha256: hash.digest('hex'), bytes };
}

/** Line breaks inside the cells of a record (all LF by then). */
function lineBreaksIn(cells: readonly string[]): number {
  let breaks = 0;
  for (const cell of cells) {
    if (!cell.includes('\n')) continue;
    for (let i = cell.indexOf('\n'); i !== -1; i = cell.indexOf('\n', i + 1)) breaks += 1;
  }
  return breaks;
}

/** The head of the file: empty, a binary format, a BOM, or text of an encoding still to find. */
async function sniffFile(path: string, label: string): Promise<{ encoding: TextEncoding | null; skip: number }> {
  const head = await readHead(path, 8192);
  if (head.length === 0) failCsv(label, 'an empty file');
  const sniffed = sniffEncoding(head);
  if (!sniffed.ok) return failCsv(label, sniffed.found, sniffed.row);
  return sniffed;
}

async function readHead(path: string, length: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of createReadStream(path, { start: 0, end: length - 1 }) as AsyncIterable<Buffer>) {
    parts.push(chunk);
    size += chunk.length;
  }
  return Buffer.concat(parts, size);
}

async function isUtf8File(path: string): Promise<boolean> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: chunkSize }) as AsyncIterable<Buffer>) {
      decoder.decode(chunk, { stream: true });
    }
    decoder.decode();
    return true;
  } catch {
    return false;
  }
}

type CsvParser = {
  parse(buf: Buffer | undefined, end: boolean, push: (record: string[]) => void, close: () => void): Error | undefined;
  /** The line csv-parse has reached: when a record is pushed, the line it ends on. */
  info: { lines: number };
};

/**
 * csv-parse's parsing core, driven synchronously chunk by chunk: its stream wrapper would add
 * an asynchronous step per record, and its `info` option an object per record, which together
 * cost more than the parsing on a file of millions of rows. The line count is read off the
 * parser instead.
 */
function createCsvParser(delimiter: string): CsvParser {
  const options: Options = {
    delimiter,
    record_delimiter: '\n',
    relax_column_count: true,
    skip_empty_lines: true,
    bom: true,
    max_record_size: maxRecordChars,
  };
  return (new Parser(options) as unknown as { api: CsvParser }).api;
}

/** What csv-parse's error codes mean, in the words of someone editing the file. */
const csvErrors: Record<string, string> = {
  INVALID_OPENING_QUOTE: 'a quote inside an unquoted cell',
  CSV_QUOTE_NOT_CLOSED: 'a quote that is never closed',
  CSV_INVALID_CLOSING_QUOTE: 'text right after a closing quote',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'text right after a closing quote',
  CSV_MAX_RECORD_SIZE: `a row longer than ${maxRecordChars.toLocaleString('en-US')} characters`,
};

/**
 * Picks the delimiter used most on the first line that has any: comma, semicolon or tab. A
 * yearbook sheet saved as CSV may start with a title line that has none.
 */
export function sniffDelimiter(text: string): string {
  const candidates = [',', ';', '\t'];
  const lines = text.split(/\r?\n/, 20);
  for (const line of lines) {
    const count = (d: string) => line.split(d).length - 1;
    const best = candidates.reduce((top, d) => (count(d) > count(top) ? d : top), ',');
    if (count(best) > 0) return best;
  }
  return ',';
}
