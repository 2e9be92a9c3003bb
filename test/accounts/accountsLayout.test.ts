import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { type AccountsData, type AccountsValue } from '../../src/lib/accounts/AccountsReport.ts';
import { accountsTables } from '../../src/lib/accounts/accountsTables.ts';
import { assetAccountTable } from '../../src/lib/accounts/assetAccountTable.ts';
import { formatAccountsValue } from '../../src/lib/accounts/formatAccountsValue.ts';
import { regionalTable } from '../../src/lib/accounts/regionalTable.ts';
import { tableGrid } from '../../src/lib/accounts/tableGrid.ts';
import { accountsTableCsv } from '../../src/accounts/accountsTableCsv.ts';
import { writeAccountsXlsx } from '../../src/accounts/writeAccountsXlsx.ts';

// A hand-made result: two regions (one named like a spreadsheet formula, as a hostile
// regions.csv could), the nation, two years. Only the numbers the tests look at are given.
const values: AccountsValue[] = [];
const put = (region_code: string, item: string, price_basis: string, unit: string, v: [number | null, number | null]) =>
  v.forEach((value, i) => values.push({ region_code, year: 2020 + i, item, price_basis, value, unit }));
for (const [code, scale] of [
  ['100000', 3],
  ['110000', 2],
  ['120000', 1],
] as const) {
  put(code, 'opening_stock', 'current', '亿元', [400 * scale, 440 * scale]);
  put(code, 'gfcf', 'current', '亿元', [100 * scale, 121 * scale]);
  put(code, 'closing_stock', 'current', '亿元', [440 * scale, 532.4 * scale]);
  put(code, 'closing_stock', 'constant_2020', '亿元', [440 * scale, 484 * scale]);
  put(code, 'gfcf_share_gdp', 'current', '%', [1, 1.1]);
}
const data: AccountsData = {
  computed: true,
  sampleData: true,
  nationalCode: '100000',
  parameters: {
    depreciation: 0.15,
    depreciationByRegion: {},
    capitalisationShare: 1,
    growthYears: 5,
    baseYear: 2020,
    priceIndex: { variable: 'gdp_deflator', name_zh: '地区生产总值平减指数', name_en: 'GRP deflator' },
    otherVolumeChanges: null,
    tolerance: 0.005,
    onBreak: 'error',
  },
  regions: [
    { region_code: '110000', name_zh: '北京市', name_en: 'Beijing', zone: 'east' },
    { region_code: '120000', name_zh: '=HYPERLINK("http://example.com")', name_en: '+cmd', zone: 'west' },
  ],
  years: [2020, 2021],
  values,
  aggregates: [
    {
      aggregate: 'regions',
      region_code: 'regions',
      year: 2020,
      item: 'closing_stock',
      price_basis: 'current',
      value: 1320,
      unit: '亿元',
      regions_given: 2,
      regions: 2,
    },
    {
      aggregate: 'regions',
      region_code: 'regions',
      year: 2021,
      item: 'closing_stock',
      price_basis: 'current',
      value: null,
      unit: '亿元',
      regions_given: 1,
      regions: 2,
    },
    {
      aggregate: 'east',
      region_code: 'east',
      year: 2020,
      item: 'closing_stock',
      price_basis: 'current',
      value: 880,
      unit: '亿元',
      regions_given: 1,
      regions: 1,
    },
  ],
  initial: [{ region_code: '110000', first_year: 2020, growth_years: 1, growth: 0.1, depreciation: 0.15, opening_stock: 800 }],
  breaks: [
    {
      region_code: '120000',
      year: 2022,
      kind: 'break',
      no_expenditure: true,
      no_price_index: false,
      no_base_price: false,
      break_year: null,
    },
  ],
  nationalCheck: [{ item: 'gfcf', year: 2020, national: 300, regions_sum: 300, relative_difference: 0, within_tolerance: true }],
};

describe('formatAccountsValue', () => {
  test('prints zh-CN digit groups with fixed decimals, a dash for a missing value, never -0.00', () => {
    expect(formatAccountsValue(1234567.891, 2)).toBe('1,234,567.89');
    expect(formatAccountsValue(5, 2)).toBe('5.00');
    expect(formatAccountsValue(null, 2)).toBe('–');
    expect(formatAccountsValue(Number.NaN, 2)).toBe('–');
    expect(formatAccountsValue(-0.001, 2)).toBe('0.00');
    expect(formatAccountsValue(-12.345, 1)).toBe('−12.3');
  });
});

describe('assetAccountTable', () => {
  test('lays out the asset account: opening, the four changes indented, closing, on each basis, then memorandum items', () => {
    const table = assetAccountTable(data, '110000');
    expect(table.id).toBe('asset_account_110000');
    expect(table.title).toEqual({
      zh: '北京市知识产权产品（R&D）资产账户',
      en: 'Beijing: asset account of intellectual property products (R&D)',
    });
    expect(table.columns).toEqual([2020, 2021]);
    expect(table.rows.map((r) => [r.kind, r.level, r.label.zh])).toEqual([
      ['heading', 0, '现价'],
      ['total', 1, '期初存量'],
      ['item', 2, '固定资本形成总额'],
      ['item', 2, '减：固定资本消耗'],
      ['item', 2, '资产物量其他变化'],
      ['item', 2, '重估价'],
      ['total', 1, '期末存量'],
      ['heading', 0, '2020年不变价'],
      ['total', 1, '期初存量'],
      ['item', 2, '固定资本形成总额'],
      ['item', 2, '减：固定资本消耗'],
      ['item', 2, '资产物量其他变化'],
      ['item', 2, '重估价'],
      ['total', 1, '期末存量'],
      ['heading', 0, '补充资料'],
      ['item', 1, '资本形成净额（现价）'],
      ['item', 1, '资本形成净额（2020年不变价）'],
      ['item', 1, '每人年R&D资本存量（现价）'],
      ['item', 1, '每人年R&D资本存量（2020年不变价）'],
      ['item', 1, '固定资本形成占地区生产总值比重'],
      ['item', 1, '价格指数'],
    ]);
    expect(table.rows[1]!.values).toEqual([800, 880]);
    expect(table.rows[6]!.values).toEqual([880, 1064.8]);
    expect(table.rows[2]!.values).toEqual([200, 242]);
    // Not computed: a missing value, never a zero.
    expect(table.rows[3]!.values).toEqual([null, null]);
    expect(table.footnotes.map((n) => n.text.zh).at(-1)).toBe('示例数据，仅作演示，并非官方统计。');
    expect(table.footnotes[0]!.text.zh).toContain('g为2020–2021年实际固定资本形成的几何平均增长率（10.00%）');
  });
});

describe('regionalTable', () => {
  test('puts the nation first, then the sum of regions, then each zone with its subtotal and its regions indented', () => {
    const table = regionalTable(data, 'closing_stock', 'current');
    expect(table.id).toBe('regions_closing_stock_current');
    expect(table.unit).toEqual({ zh: '亿元', en: '100 million yuan' });
    expect(table.rows.map((r) => [r.kind, r.level, r.label.zh, r.values])).toEqual([
      ['total', 0, '全国', [1320, 532.4 * 3]],
      ['total', 0, '地区合计', [1320, null]],
      ['subtotal', 0, '东部地区', [880, null]],
      ['item', 1, '北京市', [880, 1064.8]],
      ['subtotal', 0, '西部地区', [null, null]],
      ['item', 1, '=HYPERLINK("http://example.com")', [440, 532.4]],
    ]);
    const notes = table.footnotes.map((n) => n.text.zh);
    expect(notes).toContain('核对：2020年各地区R&D固定资本形成与地区生产总值之和与全国数相差均不超过0.50%。');
    // A series cut short is a marked footnote, and its row carries the marker.
    expect(table.footnotes.find((n) => n.mark === 'b')?.text.zh).toBe(
      '=HYPERLINK("http://example.com")：2022年无R&D经费内部支出，序列中断，2022年未计算。',
    );
    expect(table.rows.map((r) => r.marks ?? [])).toEqual([[], [], [], [], [], ['b']]);
    expect(tableGrid(table)[9]!.cells[0]).toBe('　=HYPERLINK("http://example.com") +cmd [b]');
  });

  test('every table of the accounts: the asset account of each unit, then five regional tables', () => {
    expect(accountsTables(data).map((t) => t.id)).toEqual([
      'asset_account_100000',
      'asset_account_110000',
      'asset_account_120000',
      'regions_closing_stock_current',
      'regions_closing_stock_constant',
      'regions_gfcf_current',
      'regions_gfcf_share_gdp',
      'regions_stock_per_fte_constant',
    ]);
  });
});

describe('the layout CSV and the workbook', () => {
  const table = regionalTable(data, 'closing_stock', 'current');

  test('tableGrid: title, units line, column group, years, then the rows', () => {
    const grid = tableGrid(table);
    expect(grid.slice(0, 6).map((l) => l.cells)).toEqual([
      ['各地区R&D资本存量（期末）（现价） R&D capital stock (closing) by region, current prices', null, null],
      ['单位：亿元  Unit: 100 million yuan', null, null],
      ['地区 Region', '年份 Year', null],
      [null, 2020, 2021],
      ['全国 National', 1320, 1597.2],
      ['地区合计 Sum of regions', 1320, null],
    ]);
    expect(grid.at(-1)!.kind).toBe('footnote');
  });

  test('the CSV defuses labels a spreadsheet would run as formulas', () => {
    const csv = accountsTableCsv(table);
    // The title holds a comma, so it is quoted.
    expect(csv.startsWith('\uFEFF"各地区R&D资本存量（期末）（现价） R&D capital stock (closing) by region, current prices",,\r\n')).toBe(
      true,
    );
    expect(csv).toContain('\r\n"　=HYPERLINK(""http://example.com"") +cmd [b]",440,532.4\r\n');
    // The label starts with an indent, so it cannot start a formula; an unindented one is prefixed.
    const bare = accountsTableCsv({ ...table, rows: [{ ...table.rows[5]!, level: 0 }] });
    expect(bare).toContain('\r\n"\'=HYPERLINK(""http://example.com"") +cmd [b]",440,532.4\r\n');
  });

  test('the workbook has merged header cells, a units line, number formats, footnotes, and no formulas', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'ipindex-xlsx-')), 'accounts.xlsx');
    const bare = { ...table, id: 'bare', sheet: 'Bare: [test]', rows: [{ ...table.rows[5]!, level: 0 }] };
    await writeAccountsXlsx(path, [table, bare], new Date('2026-01-01T00:00:00Z'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Closing stock current', 'Bare   test']);
    const sheet = workbook.worksheets[0]!;
    const merges = (sheet.model as unknown as { merges: string[] }).merges;
    expect(merges).toEqual(expect.arrayContaining(['A1:C1', 'A2:C2', 'A3:A4', 'B3:C3']));
    expect(sheet.getCell('A2').value).toBe('单位：亿元  Unit: 100 million yuan');
    expect(sheet.getCell('B3').value).toBe('年份 Year');
    expect(sheet.getCell('B4').value).toBe(2020);
    expect(sheet.getCell('A5').value).toBe('全国 National');
    expect(sheet.getCell('B5').value).toBe(1320);
    // 亿元 to one decimal, as the yearbooks print them.
    expect(sheet.getCell('B5').numFmt).toBe('#,##0.0');
    expect(sheet.getCell('C6').value).toBe(null);
    expect(sheet.getCell('A8').alignment?.indent).toBe(1);
    const lastRow = sheet.getRow(sheet.rowCount);
    expect(String(lastRow.getCell(1).value)).toMatch(/^\d\. /);
    expect(merges).toContain(`A${sheet.rowCount}:C${sheet.rowCount}`);
    const hostile = workbook.worksheets[1]!.getCell('A5');
    expect(hostile.value).toBe('=HYPERLINK("http://example.com") +cmd [b]');
    expect(hostile.type).toBe(ExcelJS.ValueType.String);
    expect(hostile.formula).toBeUndefined();
  });
});
