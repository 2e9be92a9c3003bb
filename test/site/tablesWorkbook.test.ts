import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { tablesWorkbook } from '../../src/report/tablesWorkbook.ts';

describe('the workbook of the tables (ipindex.xlsx), read back by another library', () => {
  test('sheets in order, bold frozen header, numbers as numbers, text safe, gaps empty, column AA', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'ipindex-workbook-')), 'tables.xlsx');
    const wide = Array.from({ length: 28 }, (_, i) => `c${i + 1}`);
    const book = tablesWorkbook('2026-01-01T00:00:00.000Z');
    await book.addSheet({
      name: 'scores',
      columns: ['region_code', 'name', 'score', 'imputed', 'note'],
      values: [
        ['110000', '120000'],
        ['北京市 & <Beijing>', '=HYPERLINK("http://example.invalid","x")'],
        [87.5, -0.000001],
        [false, true],
        [null, 'tab\there\u0001'],
      ],
      rowCount: 2,
    });
    await book.addSheet({ name: 'wide', columns: wide, values: wide.map((_, i) => [i]), rowCount: 1 });
    await book.addSheet({ name: 'empty', columns: ['a'], values: [[]], rowCount: 0 });
    await book.save(path);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['scores', 'wide', 'empty']);
    const scores = workbook.getWorksheet('scores')!;
    expect(scores.getRow(1).values).toEqual([undefined, 'region_code', 'name', 'score', 'imputed', 'note']);
    expect(scores.getCell('A1').font?.bold).toBe(true);
    expect(scores.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(scores.getRow(2).values).toEqual([undefined, '110000', '北京市 & <Beijing>', 87.5, false]);
    // A formula becomes text with a leading apostrophe (spreadsheetSafe); a control character is dropped.
    expect(scores.getRow(3).values).toEqual([
      undefined,
      '120000',
      '\'=HYPERLINK("http://example.invalid","x")',
      -0.000001,
      true,
      'tab\there',
    ]);
    expect(workbook.getWorksheet('wide')!.getCell('AB2').value).toBe(27);
    expect(workbook.getWorksheet('empty')!.rowCount).toBe(1);
    expect(workbook.creator).toBe('ipindex');
  });

  test('the same tables give the same bytes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ipindex-workbook-'));
    for (const name of ['a.xlsx', 'b.xlsx']) {
      const book = tablesWorkbook('2026-01-01T00:00:00.000Z');
      await book.addSheet({ name: 't', columns: ['x'], values: [[1, 'y']], rowCount: 2 });
      await book.save(join(dir, name));
    }
    expect((await readFile(join(dir, 'a.xlsx'))).equals(await readFile(join(dir, 'b.xlsx')))).toBe(true);
  });
});

describe('the text of the workbook', () => {
  test('is kept once in the shared strings, and written into its cell beyond their bound', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'ipindex-workbook-')), 'tables.xlsx');
    // A bound of two: 'a' and 'b & c' are shared, 'd' and '=1+1' are written into their cells.
    const book = tablesWorkbook('2026-01-01T00:00:00.000Z', 2);
    await book.addSheet({ name: 'first', columns: ['x'], values: [['a', 'b & c', 'a', 'd']], rowCount: 4 });
    await book.addSheet({
      name: 'second',
      columns: ['y', 'z'],
      values: [
        ['d', 'b & c'],
        ['=1+1', 'a'],
      ],
      rowCount: 2,
    });
    await book.save(path);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const column = (sheet: string, key: string) =>
      workbook
        .getWorksheet(sheet)!
        .getColumn(key)
        .values.filter((v) => v !== undefined);
    expect(column('first', 'A')).toEqual(['x', 'a', 'b & c', 'a', 'd']);
    expect(column('second', 'A')).toEqual(['y', 'd', 'b & c']);
    expect(column('second', 'B')).toEqual(['z', "'=1+1", 'a']);
  });
});
