import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, test } from 'vitest';
import { formatProblem, InputError } from '../../src/lib/InputError.ts';
import { importFile } from '../../src/import/importFile.ts';
import { main } from '../../src/cli/cli.ts';

// A yearbook sheet made here with every kind of dirt the importer must cope with: a merged
// title, a unit row in full-width punctuation, a bilingual header of two rows with a vertical
// merge (地区) and a horizontal one (R&D经费 over three columns), a national row, a padded name,
// an OCR variant, a number in full-width digits, a missing marker, a continuation title, a Hong
// Kong row, a blank row and a footnote.
const work = 'test/output/import-sheet';

type Cell = ExcelJS.CellValue;
const rows: Cell[][] = [
  ['表3 各地区R&D经费(2021年)'],
  ['R&D Expenditure by Region (2021)'],
  ['（单位：万元）'],
  ['地区', 'Region', 'R&D经费\nR&D Expenditure', null, null],
  [null, null, '合计\nTotal', '#基础研究\nBasic Research', '#企业资金\nEnterprise Funds'],
  ['全国', 'National Total', 1000, 100, 700],
  ['北  京', 'Beijing', 2000, '１，２３４', 300],
  ['内蒙占', 'Inner Mongolia', 500, '—', 200],
  ['续表3 各地区R&D经费(2021年)'],
  ['天津市', 'Tianjin', '1,000', 50, 600],
  ['香港', 'Hong Kong', 5, 5, 5],
  [],
  ['注：本表数据不含港澳台。'],
];

async function writeSheet(file: string, change: (sheet: ExcelJS.Worksheet) => void = () => {}) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('表3');
  rows.forEach((cells, i) =>
    cells.forEach((value, j) => {
      if (value !== null) sheet.getCell(i + 1, j + 1).value = value;
    }),
  );
  sheet.mergeCells('A1:E1');
  sheet.mergeCells('A2:E2');
  sheet.mergeCells('A4:A5');
  sheet.mergeCells('B4:B5');
  sheet.mergeCells('C4:E4');
  change(sheet);
  await workbook.xlsx.writeFile(file);
}

const map = `year: title
variables:
  rd_expenditure: 合计
  rd_basic: 基础研究
  rd_enterprise_funds: 企业资金
`;

async function importOrProblems(source: string, mapText = map) {
  const mapFile = join(work, `${source.split('/').at(-1)}.yaml`);
  await writeFile(mapFile, mapText);
  const out = join(work, 'out.csv');
  try {
    const result = await importFile({ source, map: mapFile, out });
    return { result, csv: await readFile(out, 'utf8'), problems: [] as string[] };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { result: null, csv: null, problems: error.problems.map(formatProblem) };
  }
}

describe('importing a yearbook sheet', () => {
  beforeAll(async () => {
    await rm(work, { recursive: true, force: true });
    await mkdir(work, { recursive: true });
    await writeSheet(join(work, 'sheet.xlsx'));
  });

  test('finds title, unit, the two header rows and the region column, and writes the contract long file', async () => {
    const { result, csv } = await importOrProblems(join(work, 'sheet.xlsx'));
    // The bundled data/ gives regions and codebook: out.csv's folder has none.
    expect(csv).toBe(
      [
        '\uFEFFregion_code,year,variable,value,unit',
        '110000,2021,rd_expenditure,2000,万元',
        '110000,2021,rd_basic,1234,万元',
        '110000,2021,rd_enterprise_funds,300,万元',
        '150000,2021,rd_expenditure,500,万元',
        '150000,2021,rd_basic,,万元',
        '150000,2021,rd_enterprise_funds,200,万元',
        '120000,2021,rd_expenditure,1000,万元',
        '120000,2021,rd_basic,50,万元',
        '120000,2021,rd_enterprise_funds,600,万元',
        '',
      ].join('\n'),
    );
    expect(result?.notes).toEqual([
      'sheet "表3"',
      'title: 表3 各地区R&D经费(2021年) / R&D Expenditure by Region (2021)',
      'year 2021 (from the title)',
      'unit 万元 (row 3)',
      'header rows 4-5; region names in column A; data from row 6',
      'column C "R&D经费 R&D Expenditure 合计 Total" -> rd_expenditure',
      'column D "R&D经费 R&D Expenditure #基础研究 Basic Research" -> rd_basic',
      'column E "R&D经费 R&D Expenditure #企业资金 Enterprise Funds" -> rd_enterprise_funds',
      'read "内蒙占" as region 150000 (a known variant spelling)',
    ]);
    expect(result?.dropped.map((d) => `${d.row} ${d.reason}`)).toEqual([
      '6 "全国": national total',
      '9 "续表3 各地区R&D经费(2021年)": continuation title',
      '11 "香港": Hong Kong, Macao or Taiwan (outside the regions)',
      '13 "注：本表数据不含港澳台。": footnote',
    ]);
    // Rows 6-13: 3 used + 4 left out + 1 blank.
    expect([result?.rowsRead, result?.blankRows]).toEqual([8, 1]);
  });

  test('the same sheet saved as GBK CSV by Excel imports to the same file', async () => {
    const text = rows.map((cells) => cells.map((c) => (c === null || c === undefined ? '' : `"${String(c)}"`)).join(',')).join('\r\n');
    await writeFile(join(work, 'sheet.csv'), iconv.encode(text, 'gbk'));
    const fromCsv = await importOrProblems(join(work, 'sheet.csv'));
    const fromXlsx = await importOrProblems(join(work, 'sheet.xlsx'));
    expect(fromCsv.problems).toEqual([]);
    expect(fromCsv.csv).toBe(fromXlsx.csv);
  });

  test('stops on names it cannot match and on Excel error values, naming each cell, and writes nothing', async () => {
    const source = join(work, 'errors.xlsx');
    await writeSheet(source, (sheet) => {
      sheet.getCell('A10').value = '天 律';
      sheet.getCell('D7').value = { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellValue;
      sheet.getCell('E8').value = '#N/A';
      sheet.getCell('A14').value = 'Shanxi Sheng';
      sheet.getCell('C14').value = 7;
    });
    await rm(join(work, 'out.csv'), { force: true });
    const { problems } = await importOrProblems(source);
    expect(problems).toEqual([
      `${source}, row 7, column "D": found "#DIV/0!" (Excel error value #DIV/0!), expected a number (a missing value as an empty cell, NA, -, — or …)`,
      `${source}, row 8, column "E": found "#N/A" (Excel error value #N/A), expected a number (a missing value as an empty cell, NA, -, — or …)`,
      `${source}, row 10, column "A": found the unknown region "天 律", expected a region name or code of regions.csv (or a known variant: src/lib/regionVariants.ts)`,
      `${source}, row 14, column "A": found the unknown region "Shanxi Sheng", expected a region name or code of regions.csv (or a known variant: src/lib/regionVariants.ts)`,
    ]);
  });

  test('a map text that fits no column, or several, is reported with the columns there are', async () => {
    const { problems } = await importOrProblems(
      join(work, 'sheet.xlsx'),
      'year: 2021\nunit: 元\nvariables:\n  rd_expenditure: R&D\n  rd_basic: 应用研究\n  rd_fte: 企业资金\n',
    );
    const mapFile = join(work, 'sheet.xlsx.yaml');
    expect(problems).toEqual([
      `${mapFile}, column "unit": found the unit "元", but row 3 of the sheet says "万元", expected the unit of the sheet, or no unit in the map`,
      `${mapFile}, column "variables.rd_expenditure": found 3 columns headed "R&D" among C "R&D经费 R&D Expenditure 合计 Total", D "R&D经费 R&D Expenditure #基础研究 Basic Research", E "R&D经费 R&D Expenditure #企业资金 Enterprise Funds", expected a text found in the header of exactly one column`,
      `${mapFile}, column "variables.rd_basic": found no column headed "应用研究" among C "R&D经费 R&D Expenditure 合计 Total", D "R&D经费 R&D Expenditure #基础研究 Basic Research", E "R&D经费 R&D Expenditure #企业资金 Enterprise Funds", expected a text found in the header of exactly one column`,
    ]);
  });

  test('a map with an unknown key or a wrong year is rejected with the keys allowed', async () => {
    const { problems } = await importOrProblems(join(work, 'sheet.xlsx'), 'yaer: 2021\nyear: 21\nvariables:\n  rd_expenditure: 合计\n');
    const mapFile = join(work, 'sheet.xlsx.yaml');
    expect(problems).toEqual([
      `${mapFile}, column "year": found 21, expected a year such as 2018, "title", or {column: <header of the year column>}`,
      `${mapFile}, column "yaer": found the unknown key "yaer", expected one of "sheet", "year", "unit", "region", "item", "value", "years", "unit_column", "variables"`,
    ]);
  });

  test.each([
    [
      'old.xls',
      Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), Buffer.from('Workbook', 'utf16le')]),
      'an old Excel .xls workbook',
    ],
    [
      'locked.xlsx',
      Buffer.concat([
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
        Buffer.alloc(504),
        Buffer.from('EncryptedPackage', 'utf16le'),
      ]),
      'an encrypted Excel workbook (protected by the site it came from)',
    ],
  ])('%s: says to save it as .xlsx', async (name, bytes, found) => {
    await writeFile(join(work, name), bytes);
    const { problems } = await importOrProblems(join(work, name));
    expect(problems).toEqual([
      `${join(work, name)}: found ${found}, expected an Excel .xlsx workbook or a CSV file: open it in Excel or WPS and save it as .xlsx`,
    ]);
  });

  test('ipindex import prints what it found, every row left out, and what it wrote', async () => {
    const mapFile = join(work, 'cli.yaml');
    await writeFile(mapFile, map);
    const stdout: string[] = [];
    const code = await main(
      ['import', join(work, 'sheet.xlsx'), '--map', mapFile, '--out', join(work, 'cli.csv')],
      (l) => stdout.push(l),
      () => {},
    );
    expect(code).toBe(0);
    expect(stdout.slice(-7)).toEqual([
      '  read "内蒙占" as region 150000 (a known variant spelling)',
      '  left out: row 6 "全国": national total',
      '  left out: row 9 "续表3 各地区R&D经费(2021年)": continuation title',
      '  left out: row 11 "香港": Hong Kong, Macao or Taiwan (outside the regions)',
      '  left out: row 13 "注：本表数据不含港澳台。": footnote',
      '  rows: 8 read = 3 used (7-8, 10) + 4 left out + 0 not picked + 1 blank',
      `wrote ${join(work, 'cli.csv')}: 9 values (3 regions, 3 variables, year 2021), 1 missing`,
    ]);
  });

  test('ipindex import never overwrites data: not its source, not a contract file, not a file it did not write', async () => {
    const mapFile = join(work, 'cli.yaml');
    await writeFile(mapFile, map);
    const notes = join(work, 'notes.csv');
    await writeFile(notes, 'my,own,data\n');
    const run = async (out: string) => {
      const stderr: string[] = [];
      const code = await main(
        ['import', join(work, 'sheet.xlsx'), '--map', mapFile, '--out', out],
        () => {},
        (l) => stderr.push(l),
      );
      return { code, stderr: stderr.join('\n') };
    };
    expect(await run(join(work, 'sheet.xlsx'))).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('is one of the files the import reads'),
    });
    expect(await run(mapFile)).toMatchObject({ code: 2 });
    expect(await run(join(work, 'regions.csv'))).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('is a file of the data contract (regions.csv)'),
    });
    expect(await run(notes)).toMatchObject({ code: 2, stderr: expect.stringContaining('exists and was not written by ipindex import') });
    expect(await readFile(notes, 'utf8')).toBe('my,own,data\n');
    // An earlier import's output is replaced.
    expect((await run(join(work, 'cli.csv'))).code).toBe(0);
  });
});
