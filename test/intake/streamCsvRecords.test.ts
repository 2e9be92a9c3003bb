import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, test } from 'vitest';
import { cellReformatting } from '../../src/lib/parseCell.ts';
import { createRegionMatcher } from '../../src/lib/regionMatcher.ts';
import type { Variable } from '../../src/lib/types.ts';
import { readCsvFile, sniffDelimiter, streamCsvRecords } from '../../src/files/readCsvFile.ts';
import { readObservationFile } from '../../src/intake/readObservations.ts';

const work = 'test/output/stream-csv';
const oneMb = 1 << 20;

async function records(name: string, bytes: Buffer) {
  const path = join(work, name);
  await writeFile(path, bytes);
  const rows: [number, string[]][] = [];
  const source = await streamCsvRecords(path, name, (cells, row) => rows.push([row, cells]));
  return { source, rows };
}

describe('reading CSV as a stream', () => {
  beforeAll(async () => {
    await rm(work, { recursive: true, force: true });
    await mkdir(work, { recursive: true });
  });

  test('a GBK file that is plain ASCII for its first 2 MB is still read as GBK', async () => {
    const filler = 'region_code,year,note\n' + '110000,2020,x\n'.repeat((2 * oneMb) / 14);
    const { source, rows } = await records('late-gbk.csv', iconv.encode(`${filler}540000,2021,西藏自治区\n`, 'gbk'));
    expect(source.encoding).toBe('gb18030');
    expect(rows.at(-1)).toEqual([rows.length, ['540000', '2021', '西藏自治区']]);
  });

  test('a UTF-8 character split by the 1 MB read boundary comes out whole', async () => {
    const head = 'a,b\n' + 'x'.repeat(oneMb - 4 - 4 - 1) + ',';
    // The 3 bytes of 藏 start 1 byte before the boundary.
    const { rows, source } = await records('split.csv', Buffer.from(`${head}西藏\n1,2\n`, 'utf8'));
    expect(Buffer.byteLength(head) + 3).toBe(oneMb - 1);
    expect(source.encoding).toBe('utf-8');
    expect(rows.map(([, cells]) => cells.at(-1))).toEqual(['b', '西藏', '2']);
    expect(source.bytes).toBe(Buffer.byteLength(`${head}西藏\n1,2\n`));
  });

  test('UTF-16 with a BOM, tabs, CRLF, a quoted cell over two lines: row numbers as an editor shows them', async () => {
    const text = 'region\tyear\tnote\r\n\r\n北京\t2020\t"two\r\nlines"\r\n天津\t2021\tx\r\n';
    const { source, rows } = await records('utf16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]));
    expect([source.encoding, source.delimiter]).toEqual(['utf-16le', '\t']);
    // Line breaks are read as LF wherever they are, inside quoted cells too.
    expect(rows).toEqual([
      [1, ['region', 'year', 'note']],
      [3, ['北京', '2020', 'two\nlines']],
      [5, ['天津', '2021', 'x']],
    ]);
  });

  test('mixed CRLF, LF and CR line endings: each record on the line an editor shows, quoted line breaks included', async () => {
    // Worked by hand: line 1 header; 2 BJ (CRLF); 3 TJ (LF); 4 blank (CR); 5-7 a cell over three
    // lines (CRLF then CR inside the quotes); 8 XZ (LF); 9 BJ 2021 (CR at the end of the file).
    const text = 'region,year,value\r\n北京,2020,1\n天津,2020,2\r\r西藏,2020,"a\r\nb\rc"\r\n西藏,2021,3\n北京,2021,4\r';
    const { rows } = await records('mixed.csv', Buffer.from(text));
    expect(rows.map(([row, cells]) => [row, cells[2]])).toEqual([
      [1, 'value'],
      [2, '1'],
      [3, '2'],
      [5, 'a\nb\nc'],
      [8, '3'],
      [9, '4'],
    ]);
  });

  test('every line ending over a file of 400 rows cut into 1 MB chunks: row numbers still right', async () => {
    const endings = ['\n', '\r\n', '\r'];
    const lines = [
      'region,year,value',
      ...Array.from({ length: 400 }, (_, i) => `北京,${2000 + (i % 20)},${'9'.repeat(i % 7 === 0 ? 20_000 : 1)}`),
    ];
    const text = lines.map((line, i) => line + endings[(i * 7) % 3]).join('');
    const { rows } = await records('endings.csv', Buffer.from(text));
    expect(text.length).toBeGreaterThan(oneMb);
    expect(rows.map(([row]) => row)).toEqual(lines.map((_, i) => i + 1));
  });

  test('a CRLF split between two chunks of the file is one line ending', async () => {
    const head = 'region,year,value\n北京,2020,';
    // The CR is the last byte of the first 1 MB chunk, its LF the first of the second.
    const digits = '1'.repeat(oneMb - 1 - Buffer.byteLength(head));
    const text = `${head}${digits}\r\n天津,2020,2\r\n`;
    expect(Buffer.from(text)[oneMb - 1]).toBe(0x0d);
    const { rows } = await records('split-crlf.csv', Buffer.from(text));
    expect(rows.map(([row, cells]) => [row, cells[0]])).toEqual([
      [1, 'region'],
      [2, '北京'],
      [3, '天津'],
    ]);
  });

  test('the delimiter comes from the first line that has one (a title line may have none)', () => {
    expect(sniffDelimiter('表1 各地区R&D经费\n地区;2020;2021\n北京;1;2')).toBe(';');
    expect(sniffDelimiter('a\tb\tc,d\n')).toBe('\t');
    expect(sniffDelimiter('just a title')).toBe(',');
  });

  test('readCsvFile keeps its contract: header normalised, blank rows left out, the bytes kept', async () => {
    const path = join(work, 'table.csv');
    await writeFile(path, '\uFEFFｒｅｇｉｏｎ_code , year\n,\n110000,2020\n');
    const table = await readCsvFile(path, 'table.csv');
    expect(table.header).toEqual(['region_code', 'year']);
    expect(table.rows).toEqual([{ row: 3, cells: ['110000', '2020'] }]);
    expect([table.encoding, table.bytes.length]).toEqual(['utf-8-bom', 48]);
  });
});

describe('reading an observation file', () => {
  const codebook = new Map<string, Variable>([
    ['rd', { variable: 'rd', dataset: 'rd', name_zh: '', name_en: '', unit: '万元', min: null, max: null, description: '' }],
    ['share', { variable: 'share', dataset: 'rd', name_zh: '', name_en: '', unit: '%', min: null, max: null, description: '' }],
  ]);
  const matcher = createRegionMatcher([
    { region_code: '110000', name_zh: '北京市', name_en: 'Beijing', level: 'province', parent_code: '', zone: 'east' },
    { region_code: '120000', name_zh: '天津市', name_en: 'Tianjin', level: 'province', parent_code: '', zone: 'east' },
  ]);

  test('records blank rows and every tidied value; a percent sign is read only for a % variable', async () => {
    const path = join(work, 'obs.csv');
    await writeFile(
      path,
      'region_code;year;rd;share;;\n北京;2020年;"1,234";12.5%;;\n;;;;;\n天津;２０２１;１２３;−1;;\n天津;2020;NA; 7 ;;\n',
    );
    const { source, result } = await readObservationFile(path, 'obs.csv', codebook, matcher);
    expect(source.delimiter).toBe(';');
    expect(result.problems).toEqual([]);
    expect(result.observations.map((o) => [o.region_code, o.year, o.variable, o.value])).toEqual([
      ['110000', 2020, 'rd', 1234],
      ['110000', 2020, 'share', 12.5],
      ['120000', 2021, 'rd', 123],
      ['120000', 2021, 'share', -1],
      ['120000', 2020, 'rd', null],
      ['120000', 2020, 'share', 7],
    ]);
    expect([result.rowsRead, result.blankRows]).toEqual([4, 1]);
    expect(result.reformatted?.map((r) => `${r.row} ${r.column} ${r.how}`)).toEqual([
      '2 rd thousands separators',
      '2 share percent sign',
      '4 rd full-width characters',
      '4 share minus sign',
      '5 share spaces',
    ]);
  });

  test.each([
    ['1234', null],
    ['1,234', 'thousands separators'],
    ['１２３４', 'full-width characters'],
    ['12.5%', 'percent sign'],
    ['−3', 'minus sign'],
    [' 5 ', 'spaces'],
    ['abc', null],
    ['—', null],
  ])('cellReformatting(%j) is %j', (text, how) => {
    expect(cellReformatting(text)).toBe(how);
  });
});
