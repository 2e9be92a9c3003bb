import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { main } from '../../src/cli/cli.ts';

// A register kept in a workbook (as registers are exported) is imported by a map into the files
// of enterprises/, checked cell by cell with the sheet and cell named, and builds.

async function workbook(path: string, sheet: string, rows: unknown[][]): Promise<void> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet(sheet);
  for (const row of rows) ws.addRow(row);
  await book.xlsx.writeFile(path);
}

async function run(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(
    args,
    (l) => out.push(l),
    (l) => err.push(l),
  );
  return { code, out, err };
}

const enterpriseMap = [
  'register: enterprises',
  'sheet: 登记',
  'columns:',
  '  enterprise_id: 统一社会信用代码',
  '  name: 企业名称',
  '  region_code: 所在地区',
  '  industry: 行业代码',
  '  size: 规模',
  '  ownership: 所有制',
  '  high_tech_from: 高新技术企业认定年份',
].join('\n');

const certificateMap = [
  'register: certifications',
  'columns:',
  '  certificate_no: 证书编号',
  '  enterprise_id: 统一社会信用代码',
  '  standard: 标准版本',
  '  issued: 发证日期',
  '  expires: 有效期至',
  '  status: 证书状态',
  '  status_date: 状态变更日期',
].join('\n');

describe('ipindex import of a register workbook', () => {
  test(
    'the enterprises and certificates of two workbooks become enterprises/ and build, dates and numbers as Excel holds them',
    { timeout: 120_000 },
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'ipindex-import-register-'));
      const data = join(dir, 'data');
      await cp('test/fixtures/tiny', data, { recursive: true });
      // The codebook declares the count the register gives, so that it is published.
      await writeFile(
        join(data, 'variables.csv'),
        `${await readFile(join(data, 'variables.csv'), 'utf8')}certified_enterprises,enterprises,认证企业,certified enterprises,家,0,1000000,register\n`,
      );
      await writeFile(join(dir, 'enterprises.yaml'), enterpriseMap);
      await writeFile(join(dir, 'certifications.yaml'), certificateMap);
      await workbook(join(dir, '企业名录.xlsx'), '登记', [
        ['贯标企业名录（2021年）'],
        ['统一社会信用代码', '企业名称', '所在地区', '行业代码', '规模', '所有制', '高新技术企业认定年份', '备注'],
        ['91110000A', '甲科技有限公司（北京）', '北京市', 'C39', 'large', 'state', 2019, '不读'],
        ['91120000B', '乙有限公司, 天津', '天津', 'C35', 'small', 'private', null, ''],
        [],
        ['91110000C', '丙', '110000', 'I65', 'Micro', 'private', 2021, ''],
      ]);
      await workbook(join(dir, '证书.xlsx'), 'Sheet1', [
        ['证书编号', '统一社会信用代码', '标准版本', '发证日期', '有效期至', '证书状态', '状态变更日期'],
        [
          'N1',
          '91110000A',
          2013,
          new Date(Date.UTC(2019, 3, 1)),
          new Date(Date.UTC(2022, 2, 31)),
          'expired',
          new Date(Date.UTC(2022, 2, 31)),
        ],
        ['N2', '91120000B', '2013', '2020-06-01', '2023-05-31', 'valid', null],
        ['N3', '91110000C', 2013, new Date(Date.UTC(2021, 11, 31)), new Date(Date.UTC(2024, 11, 30)), 'valid', null],
      ]);
      const first = await run([
        'import',
        join(dir, '企业名录.xlsx'),
        '--map',
        join(dir, 'enterprises.yaml'),
        '--out',
        join(data, 'enterprises', 'enterprises.csv'),
      ]);
      expect(first.err).toEqual([]);
      expect(first.code).toBe(0);
      expect(first.out.join('\n')).toContain('3 records of enterprises.csv');
      const second = await run([
        'import',
        join(dir, '证书.xlsx'),
        '--map',
        join(dir, 'certifications.yaml'),
        '--out',
        join(data, 'enterprises', 'certifications.csv'),
      ]);
      expect(second.code).toBe(0);

      const written = parse(await readFile(join(data, 'enterprises', 'enterprises.csv'), 'utf8'), { columns: true }) as Record<
        string,
        string
      >[];
      expect(written).toEqual([
        {
          enterprise_id: '91110000A',
          name: '甲科技有限公司（北京）',
          region_code: '北京市',
          industry: 'C39',
          size: 'large',
          ownership: 'state',
          high_tech_from: '2019',
        },
        {
          enterprise_id: '91120000B',
          name: '乙有限公司, 天津',
          region_code: '天津',
          industry: 'C35',
          size: 'small',
          ownership: 'private',
          high_tech_from: '',
        },
        {
          enterprise_id: '91110000C',
          name: '丙',
          region_code: '110000',
          industry: 'I65',
          size: 'Micro',
          ownership: 'private',
          high_tech_from: '2021',
        },
      ]);
      const certificates = parse(await readFile(join(data, 'enterprises', 'certifications.csv'), 'utf8'), { columns: true }) as Record<
        string,
        string
      >[];
      expect(certificates.map((c) => [c.certificate_no, c.issued, c.expires, c.status_date])).toEqual([
        ['N1', '2019-04-01', '2022-03-31', '2022-03-31'],
        ['N2', '2020-06-01', '2023-05-31', ''],
        ['N3', '2021-12-31', '2024-12-30', ''],
      ]);

      // The build reads them: at the end of 2021, A (to 2022-03-31), B and C (from 2021-12-31) are certified; Beijing has A and C.
      const build = await run(['build', data, '--out', join(dir, 'out'), '--no-site']);
      expect(build.err).toEqual([]);
      expect(build.code).toBe(0);
      const observations = parse(await readFile(join(dir, 'out', 'data', 'observations.csv'), 'utf8'), { columns: true }) as Record<
        string,
        string
      >[];
      const certified = (region: string) =>
        observations.find((o) => o.region_code === region && o.year === '2021' && o.variable === 'certified_enterprises')?.value;
      expect([certified('110000'), certified('120000')].map(Number)).toEqual([2, 1]);
    },
  );

  test('a bad cell is named by workbook, sheet, row and column, and nothing is written', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ipindex-import-register-bad-'));
    const data = join(dir, 'data');
    await cp('test/fixtures/tiny', data, { recursive: true });
    await writeFile(join(dir, 'enterprises.yaml'), enterpriseMap);
    await workbook(join(dir, '企业名录.xlsx'), '登记', [
      ['统一社会信用代码', '企业名称', '所在地区', '行业代码', '规模', '所有制', '高新技术企业认定年份'],
      ['91110000A', '甲', '北京市', 'C39', 'large', 'state', 2019],
      ['91120000B', '乙', '火星', 'C35', '巨型', 'private', null],
    ]);
    const result = await run([
      'import',
      join(dir, '企业名录.xlsx'),
      '--map',
      join(dir, 'enterprises.yaml'),
      '--out',
      join(data, 'enterprises', 'enterprises.csv'),
    ]);
    expect(result.code).toBe(1);
    const message = result.err.join('\n');
    expect(message).toContain('企业名录.xlsx, sheet 登记, row 3, column "C (region_code)": found the unknown region "火星"');
    expect(message).toContain('row 3, column "E (size)": found "巨型", expected one of large, medium, small, micro');
    await expect(readFile(join(data, 'enterprises', 'enterprises.csv'))).rejects.toThrow();

    // A map naming a column the file does not have, or leaving out a required one.
    await writeFile(join(dir, 'wrong.yaml'), 'register: enterprises\ncolumns:\n  enterprise_id: 统一社会信用代码\n  colour: 颜色\n');
    const wrong = await run([
      'import',
      join(dir, '企业名录.xlsx'),
      '--map',
      join(dir, 'wrong.yaml'),
      '--out',
      join(data, 'enterprises', 'enterprises.csv'),
    ]);
    expect(wrong.code).toBe(1);
    expect(wrong.err.join('\n')).toContain('the column colour, which enterprises.csv does not have');
    expect(wrong.err.join('\n')).toContain('no header for region_code');
  });
});
