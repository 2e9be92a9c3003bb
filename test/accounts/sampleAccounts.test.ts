import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, test } from 'vitest';
import { build } from '../../src/build/build.ts';
import { silentStageLog } from '../../src/build/createStageLog.ts';

type Csv = Record<string, string>[];
const readCsv = async (path: string): Promise<Csv> => parse(await readFile(path, 'utf8'), { columns: true, bom: true }) as Csv;

describe('accounts of the bundled sample (data/)', () => {
  let out: string;
  let rows: Csv;
  beforeAll(async () => {
    out = join(await mkdtemp(join(tmpdir(), 'ipindex-sample-accounts-')), 'out');
    await build({ dataDir: 'data', outDir: out, site: false, log: silentStageLog, builtAt: '2026-01-01T00:00:00Z' });
    rows = await readCsv(join(out, 'data', 'accounts.csv'));
  });

  test('covers all 31 regions and the nation, 2014-2024, balanced, with the national check passing', async () => {
    const manifest = JSON.parse(await readFile(join(out, 'data', 'manifest.json'), 'utf8'));
    expect(manifest.accounts).toEqual({
      computed: true,
      units: 32,
      national: true,
      firstYear: 2014,
      lastYear: 2024,
      baseYear: 2014,
      breaks: 0,
      nationalBreaks: 0,
    });
    expect(rows).toHaveLength(32 * 11 * 18);
    const withStock = new Set(rows.filter((r) => r.item === 'closing_stock' && r.value !== '').map((r) => r.region_code));
    expect(withStock.size).toBe(32);
  });

  test('the national GFCF share of GDP is the national R&D intensity of the input files', async () => {
    // Read straight from the national rows (全国) of the sample files, not from the pipeline.
    const rd = (await readCsv('data/rd.csv')).find((r) => r.region_code === '全国' && r.year === '2023')!;
    const economy = (await readCsv('data/economy.csv')).find((r) => r.region_code === '全国' && r.year === '2023')!;
    const intensity = (Number(rd.rd_expenditure) / 1e4 / Number(economy.gdp)) * 100;
    const share = rows.find((r) => r.region_code === '100000' && r.year === '2023' && r.item === 'gfcf_share_gdp')!;
    expect(Number(share.value)).toBeCloseTo(intensity, 9);
    expect(intensity).toBeGreaterThan(2.4);
    expect(intensity).toBeLessThan(2.8);
  });

  test('exports every table as a layout CSV and as a sheet of accounts.xlsx', async () => {
    const files = await readdir(join(out, 'data', 'accounts'));
    expect(files).toHaveLength(32 + 5);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(out, 'data', 'accounts.xlsx'));
    expect(workbook.worksheets).toHaveLength(32 + 5);
    expect(workbook.worksheets[0]!.name).toBe('100000 全国');
    expect(workbook.worksheets[0]!.getCell('A1').value).toBe(
      '全国知识产权产品（R&D）资产账户 National: asset account of intellectual property products (R&D)',
    );
  });
});
