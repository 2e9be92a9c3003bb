import { writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { crc32, deflateRaw } from 'node:zlib';
import type { Row } from '../openDatabase.ts';
import { spreadsheetSafe } from './spreadsheetSafe.ts';

/** A table to write as a sheet: its name, its columns in order and its rows. */
export type SheetTable = { name: string; columns: readonly string[]; rows: readonly Row[] };

const deflateBuffer = promisify(deflateRaw);

/** A workbook being written: sheets are added one at a time, then the file is saved. */
export type TablesWorkbook = { addSheet(table: SheetTable): Promise<void>; save(path: string): Promise<void> };

/**
 * A workbook of tables (Office Open XML, ECMA-376), one sheet each: a bold, frozen header row,
 * then the rows, numbers as numbers, text made spreadsheet-safe. Written directly rather than
 * through a spreadsheet library, which builds an object per cell: at prefecture level (two
 * million rows) that took a minute, this a few seconds. A sheet is laid out as it is added (so
 * its rows can go) and compressed in zlib's thread pool while the next one is laid out.
 * `created` dates the file; the same tables give the same bytes.
 */
export function tablesWorkbook(created: string): TablesWorkbook {
  const sheets: { name: string; file: string; id: string; part: Promise<Compressed> }[] = [];
  return {
    async addSheet(table) {
      // One sheet compresses while the next is laid out; no more, so that memory holds two at most.
      await sheets.at(-1)?.part;
      const n = sheets.length + 1;
      sheets.push({ name: table.name.slice(0, 31), file: `xl/worksheets/sheet${n}.xml`, id: `rId${n}`, part: deflateText(sheetXml(table)) });
    },
    async save(path) {
      const parts: [name: string, content: Promise<Compressed>][] = [
        ['[Content_Types].xml', xml(`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>${sheets.map((s) => `<Override PartName="/${s.file}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}</Types>`)],
        ['_rels/.rels', xml(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`)],
        ['docProps/core.xml', xml(`<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>ipindex</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${escape(created)}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${escape(created)}</dcterms:modified></cp:coreProperties>`)],
        ['xl/workbook.xml', xml(`<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets.map((s, i) => `<sheet name="${escape(s.name)}" sheetId="${i + 1}" r:id="${s.id}"/>`).join('')}</sheets></workbook>`)],
        ['xl/_rels/workbook.xml.rels', xml(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((s) => `<Relationship Id="${s.id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="${s.file.slice('xl/'.length)}"/>`).join('')}<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`)],
        // Style 0 is the default; style 1 the bold header.
        ['xl/styles.xml', xml(`<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs></styleSheet>`)],
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

/** One sheet: frozen header row in bold, column widths from the header, a row per table row. */
function sheetXml(table: SheetTable): string {
  const letters = table.columns.map((_, i) => columnLetters(i));
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>',
    `<cols>${table.columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${Math.max(10, c.length + 2)}" customWidth="1"/>`).join('')}</cols>`,
    `<sheetData><row r="1">${table.columns.map((c, i) => `<c r="${letters[i]}1" s="1" t="inlineStr"><is><t>${escape(c)}</t></is></c>`).join('')}</row>`,
  ];
  table.rows.forEach((row, index) => {
    const r = index + 2;
    let cells = '';
    for (let i = 0; i < table.columns.length; i++) cells += cell(`${letters[i]}${r}`, row[table.columns[i]!]);
    out.push(`<row r="${r}">${cells}</row>`);
  });
  out.push('</sheetData></worksheet>');
  return out.join('');
}

function cell(ref: string, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? `<c r="${ref}"><v>${value}</v></c>` : '';
  if (typeof value === 'bigint') return `<c r="${ref}"><v>${value}</v></c>`;
  if (typeof value === 'boolean') return `<c r="${ref}" t="b"><v>${value ? 1 : 0}</v></c>`;
  const text = value instanceof Date ? value.toISOString() : String(value);
  return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escape(spreadsheetSafe(text))}</t></is></c>`;
}

/** A, B, ..., Z, AA, AB, ...: the letters of the column with zero-based index `i`. */
function columnLetters(i: number): string {
  let letters = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** Text as XML character data: markup escaped, and the control characters XML 1.0 cannot hold left out. */
function escape(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[&<>"]|[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? '');
}

/** Deflates text, with the CRC-32 and length of the original that the zip headers record. */
async function deflateText(text: string): Promise<Compressed> {
  const raw = Buffer.from(text, 'utf8');
  return { data: await deflateBuffer(raw), crc: crc32(raw), size: raw.length };
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
