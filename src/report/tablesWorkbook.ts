import { once } from 'node:events';
import { writeFile } from 'node:fs/promises';
import { crc32, createDeflateRaw } from 'node:zlib';
import { spreadsheetSafe } from './spreadsheetSafe.ts';

/**
 * A table to write as a sheet: its name, its columns in order, and their values column by column
 * (`values[i][r]` is row r of column i; null, undefined and non-finite numbers are left empty).
 */
export type SheetTable = { name: string; columns: readonly string[]; values: readonly (readonly unknown[])[]; rowCount: number };

/** A workbook being written: sheets are added one at a time, then the file is saved. */
export type TablesWorkbook = { addSheet(table: SheetTable): Promise<void>; save(path: string): Promise<void> };

/**
 * A workbook of tables (Office Open XML, ECMA-376), one sheet each: a bold, frozen header row,
 * then the rows, numbers as numbers, text made spreadsheet-safe. Written directly rather than
 * through a spreadsheet library, which builds an object per cell: at prefecture level (two
 * million rows) that took a minute, this a few seconds. Each sheet is laid out, after the one
 * before it, into a stream that zlib's thread pool compresses as it comes.
 * Text is kept once, in the workbook's table of shared strings, as spreadsheet programs write
 * it: the codes and names of a table repeat a few hundred values a million times, and written
 * in every cell they were half of the sheets' bytes, to lay out and to compress.
 * `created` dates the file; the same tables give the same bytes. `sharedLimit` bounds the
 * shared strings (TextCells).
 */
export function tablesWorkbook(created: string, sharedLimit = 1 << 18): TablesWorkbook {
  const sheets: { name: string; file: string; id: string; part: Promise<Compressed> }[] = [];
  const texts = new TextCells(sharedLimit);
  return {
    async addSheet(table) {
      // A sheet is laid out and compressed as a stream, after the one before it: laid out in
      // order, the sheets number their shared strings in order, and memory holds one sheet's
      // bytes in the making, not a whole sheet (180 MB of XML at prefecture level).
      await sheets.at(-1)?.part;
      const n = sheets.length + 1;
      sheets.push({
        name: table.name.slice(0, 31),
        file: `xl/worksheets/sheet${n}.xml`,
        id: `rId${n}`,
        part: writeSheet(table, texts, deflating()),
      });
    },
    async save(path) {
      // The shared strings are complete once the last sheet is laid out.
      await sheets.at(-1)?.part;
      const parts: [name: string, content: Promise<Compressed>][] = [
        [
          '[Content_Types].xml',
          xml(
            `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>${sheets.map((s) => `<Override PartName="/${s.file}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}</Types>`,
          ),
        ],
        [
          '_rels/.rels',
          xml(
            `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`,
          ),
        ],
        [
          'docProps/core.xml',
          xml(
            `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>ipindex</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${escape(created)}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${escape(created)}</dcterms:modified></cp:coreProperties>`,
          ),
        ],
        [
          'xl/workbook.xml',
          xml(
            `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets.map((s, i) => `<sheet name="${escape(s.name)}" sheetId="${i + 1}" r:id="${s.id}"/>`).join('')}</sheets></workbook>`,
          ),
        ],
        [
          'xl/_rels/workbook.xml.rels',
          xml(
            `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((s) => `<Relationship Id="${s.id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="${s.file.slice('xl/'.length)}"/>`).join('')}<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId${sheets.length + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
          ),
        ],
        // Style 0 is the default; style 1 the bold header.
        [
          'xl/styles.xml',
          xml(
            `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs></styleSheet>`,
          ),
        ],
        ['xl/sharedStrings.xml', deflateChunks(texts.sharedStrings())],
        ...sheets.map((s): [string, Promise<Compressed>] => [s.file, s.part]),
      ];
      const entries = await Promise.all(parts.map(async ([name, content]) => ({ name, ...(await content) })));
      await writeFile(path, zip(entries));
    },
  };
}

type Compressed = { data: Buffer; crc: number; size: number };
type ZipEntry = Compressed & { name: string };

/** An XML part, compressed, with the CRC and size of its text that the zip container records. */
function xml(body: string): Promise<Compressed> {
  return deflateText(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${body}`);
}

/** One sheet, into `sink`: frozen header row in bold, column widths from the header, a row per table row. */
async function writeSheet(table: SheetTable, texts: TextCells, sink: Deflating): Promise<Compressed> {
  const { columns, values, rowCount } = table;
  const out = new ByteChunks();
  out.text(
    [
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
      '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>',
      `<cols>${columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${Math.max(10, c.length + 2)}" customWidth="1"/>`).join('')}</cols>`,
      `<sheetData><row r="1">${columns.map((c, i) => `<c r="${columnLetters(i)}1" s="1" t="inlineStr"><is><t>${escape(c)}</t></is></c>`).join('')}</row>`,
    ].join(''),
  );
  // Laid out in bytes rather than as strings: a sheet of a million rows would otherwise be a
  // string of hundreds of megabytes built from millions of small ones (most of the time went to
  // making and collecting them). A finite number is <c r="B7"><v>1.5</v></c>, true/false
  // <c r="B7" t="b"><v>1</v></c>, anything else a shared string (TextCells); null, undefined and a
  // non-finite number no cell at all.
  const cellStarts = columns.map((_, i) => ascii(`<c r="${columnLetters(i)}`));
  const rowDigits = new Uint8Array(16);
  for (let index = 0; index < rowCount; index++) {
    const digits = String(index + 2);
    for (let d = 0; d < digits.length; d++) rowDigits[d] = digits.charCodeAt(d);
    const digitCount = digits.length;
    out.reserve(ROW_START.length + digitCount + 2);
    out.bytes(ROW_START);
    out.bytes(rowDigits, digitCount);
    out.bytes(TAG_END);
    for (let i = 0; i < columns.length; i++) {
      const value = values[i]?.[index];
      if (value === null || value === undefined) continue;
      const start = cellStarts[i]!;
      if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') {
        if (typeof value === 'number' && !Number.isFinite(value)) continue;
        const number = typeof value === 'boolean' ? (value ? '1' : '0') : String(value);
        out.reserve(start.length + digitCount + BOOLEAN_START.length + number.length + VALUE_END.length);
        out.bytes(start);
        out.bytes(rowDigits, digitCount);
        out.bytes(typeof value === 'boolean' ? BOOLEAN_START : NUMBER_START);
        out.latin1(number);
        out.bytes(VALUE_END);
      } else {
        const tail = texts.tail(value instanceof Date ? value.toISOString() : String(value));
        out.reserve(start.length + digitCount);
        out.bytes(start);
        out.bytes(rowDigits, digitCount);
        out.buffer(tail);
      }
    }
    out.reserve(ROW_END.length);
    out.bytes(ROW_END);
    // Each chunk filled goes to be compressed; the layout waits while the compressor is behind.
    if (out.filled > 0) for (const chunk of out.take()) await sink.write(chunk);
  }
  out.text('</sheetData></worksheet>');
  for (const chunk of out.finish()) await sink.write(chunk);
  return await sink.end();
}

const ROW_START = ascii('<row r="');
const TAG_END = ascii('">');
const NUMBER_START = ascii('"><v>');
const BOOLEAN_START = ascii('" t="b"><v>');
const VALUE_END = ascii('</v></c>');
const ROW_END = ascii('</row>');

function ascii(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

/**
 * The text cells of a workbook: what follows a text cell's reference, encoded once per text, and
 * the table of shared strings (xl/sharedStrings.xml) they point into, in order of first use.
 * The table is bounded, for columns of free text: beyond it, a text is written into its cell
 * (an inline string), as it is kept nowhere else.
 */
class TextCells {
  private readonly tails = new Map<string, Buffer>();
  private readonly shared = new ByteChunks();
  private readonly limit: number;

  constructor(limit: number) {
    this.limit = limit;
    this.shared.text(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
    );
  }

  tail(text: string): Buffer {
    let tail = this.tails.get(text);
    if (tail === undefined) {
      const safe = `<t xml:space="preserve">${escape(spreadsheetSafe(text))}</t>`;
      if (this.tails.size >= this.limit) return Buffer.from(`" t="inlineStr"><is>${safe}</is></c>`, 'utf8');
      tail = Buffer.from(`" t="s"><v>${this.tails.size}</v></c>`, 'utf8');
      this.tails.set(text, tail);
      this.shared.text(`<si>${safe}</si>`);
    }
    return tail;
  }

  /** The part of the shared strings, once every sheet is laid out: no text may be added after. */
  sharedStrings(): Buffer[] {
    this.shared.text('</sst>');
    return this.shared.finish();
  }
}

/** Bytes written into fixed-size chunks: no copy of what is written, and no chunk as large as a sheet. */
class ByteChunks {
  private static readonly size = 1 << 20;
  private readonly chunks: Buffer[] = [];
  private chunk = Buffer.allocUnsafe(ByteChunks.size);
  private position = 0;

  /** Makes room for `length` more bytes in the current chunk (callers write small pieces after it). */
  reserve(length: number): void {
    if (this.position + length <= this.chunk.length) return;
    this.chunks.push(this.chunk.subarray(0, this.position));
    this.chunk = Buffer.allocUnsafe(Math.max(ByteChunks.size, length));
    this.position = 0;
  }

  /** The first `length` bytes of `bytes`; room must have been reserved. */
  bytes(bytes: Uint8Array, length = bytes.length): void {
    const chunk = this.chunk;
    let p = this.position;
    // A loop rather than `set`: the pieces are a few bytes long, shorter than a call's overhead.
    for (let i = 0; i < length; i++) chunk[p++] = bytes[i]!;
    this.position = p;
  }

  /** Text of one-byte characters (digits and signs of a number); room must have been reserved. */
  latin1(text: string): void {
    const chunk = this.chunk;
    let p = this.position;
    for (let i = 0; i < text.length; i++) chunk[p++] = text.charCodeAt(i);
    this.position = p;
  }

  /** A buffer of any length: copied in, or kept whole when it would not fit a chunk. */
  buffer(bytes: Buffer): void {
    if (bytes.length > ByteChunks.size) {
      this.chunks.push(this.chunk.subarray(0, this.position), bytes);
      this.chunk = Buffer.allocUnsafe(ByteChunks.size);
      this.position = 0;
      return;
    }
    this.reserve(bytes.length);
    if (bytes.length < 64) this.bytes(bytes);
    else this.position += bytes.copy(this.chunk, this.position);
  }

  /** Text of any length, in UTF-8. */
  text(text: string): void {
    this.buffer(Buffer.from(text, 'utf8'));
  }

  /** How many chunks are full. */
  get filled(): number {
    return this.chunks.length;
  }

  /** The full chunks, given up. */
  take(): Buffer[] {
    return this.chunks.splice(0);
  }

  /** The chunks written, the last one included. */
  finish(): Buffer[] {
    this.chunks.push(this.chunk.subarray(0, this.position));
    return this.chunks;
  }
}

/** A, B, ..., Z, AA, AB, ...: the letters of the column with zero-based index `i`. */
function columnLetters(i: number): string {
  let letters = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** Text as XML character data: markup escaped, and the control characters XML 1.0 cannot hold left out. */
function escape(text: string): string {
  return text.replace(
    // eslint-disable-next-line no-control-regex
    /[&<>"]|[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? '',
  );
}

/** Deflates text, with the CRC-32 and length of the original that the zip headers record. */
function deflateText(text: string): Promise<Compressed> {
  return deflateChunks([Buffer.from(text, 'utf8')]);
}

/** Deflates bytes given in chunks as one stream (the same bytes as deflating them joined), with their CRC-32 and length. */
async function deflateChunks(chunks: readonly Buffer[]): Promise<Compressed> {
  const sink = deflating();
  for (const chunk of chunks) await sink.write(chunk);
  return await sink.end();
}

/** A stream of bytes being deflated (in zlib's thread pool), with the CRC-32 and length of what was written. */
type Deflating = { write(chunk: Buffer): Promise<void>; end(): Promise<Compressed> };

function deflating(): Deflating {
  // Level 4 rather than the default 6: at prefecture level (half a gigabyte of sheets) it took
  // two fifths less time for a file 4% larger.
  const deflate = createDeflateRaw({ level: 4 });
  const out: Buffer[] = [];
  deflate.on('data', (data: Buffer) => out.push(data));
  const ended = once(deflate, 'end');
  let crc = 0;
  let size = 0;
  return {
    async write(chunk) {
      crc = crc32(chunk, crc);
      size += chunk.length;
      if (!deflate.write(chunk)) await once(deflate, 'drain');
    },
    async end() {
      deflate.end();
      await ended;
      return { data: Buffer.concat(out), crc, size };
    },
  };
}

/**
 * A zip archive (APPNOTE 6.3) of deflated entries: local headers with the data, then the
 * central directory. Times are zero (1980-01-01): the same tables give the same bytes.
 */
function zip(entries: readonly ZipEntry[]): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    if (offset > 0xffffffff || entry.size > 0xffffffff) throw new Error(`${entry.name} is too large for a zip archive without zip64`);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(0x0800, 6); // names in UTF-8
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(0x00210000, 10); // 1980-01-01 00:00
    local.writeUInt32LE(entry.crc >>> 0, 14);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.size, 22);
    local.writeUInt16LE(name.length, 26);
    chunks.push(local, name, entry.data);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(0x0800, 8);
    header.writeUInt16LE(8, 10);
    header.writeUInt32LE(0x00210000, 12);
    header.writeUInt32LE(entry.crc >>> 0, 16);
    header.writeUInt32LE(entry.data.length, 20);
    header.writeUInt32LE(entry.size, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    central.push(header, name);
    offset += local.length + name.length + entry.data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, directory, end]);
}
