import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, test } from 'vitest';
import { build } from '../../src/build/build.ts';
import { silentStageLog } from '../../src/build/createStageLog.ts';

const toy = 'test/accounts/fixtures/toy';
type Csv = Record<string, string>[];

// Beijing (110000) in test/accounts/fixtures/toy, worked out on paper; d = 0.15, growth over
// the first 2 years (method.yaml). Amounts in 亿元 (1 亿元 = 10,000 万元).
//   deflator 120, 132, 145.2 rebased to 2020 = 100:   P = 100, 110, 121
//   R&D expenditure 1,000,000; 1,210,000; 1,464,100 万元 = nominal GFCF 100, 121, 146.41
//   real GFCF = nominal * 100 / P                  = 100, 110, 121
//   g = (121 / 100)^(1/2) - 1                      = 0.1
//   K0 = I0 / (g + d) = 100 / 0.25                 = 400   (opening stock of 2020)
//   2020: CFC = 0.15 * 400 = 60,   K1 = 400 - 60 + 100   = 440
//   2021: CFC = 0.15 * 440 = 66,   K2 = 440 - 66 + 110   = 484
//   2022: CFC = 0.15 * 484 = 72.6, K3 = 484 - 72.6 + 121 = 532.4
// Current prices (x P / 100; the opening stock at last year's prices, 2020 at its own):
//   opening 400, 440, 532.4; CFC 60, 72.6, 87.846; closing 440, 532.4, 644.204
//   revaluation = K_open * (P - P_prev) / 100: 0, 440 * 0.1 = 44, 484 * 0.11 = 53.24
//   check 2022: 532.4 + 146.41 - 87.846 + 0 + 53.24 = 644.204
//   net capital formation 2022 = 146.41 - 87.846 = 58.564
//   stock per FTE, 2020 = 440 亿元 * 10,000 / 20,000 人年 = 220 万元/人年 (constant prices)
//   GFCF / GDP: 100 / 10,000 = 1 %, 146.41 / 12,100 = 1.21 %
const beijing = {
  constant_2020: {
    opening_stock: [400, 440, 484],
    gfcf: [100, 110, 121],
    cfc: [60, 66, 72.6],
    other_volume_changes: [0, 0, 0],
    revaluation: [0, 0, 0],
    closing_stock: [440, 484, 532.4],
    net_capital_formation: [40, 44, 48.4],
    stock_per_fte: [220, 220, 220],
  },
  current: {
    opening_stock: [400, 440, 532.4],
    gfcf: [100, 121, 146.41],
    cfc: [60, 72.6, 87.846],
    other_volume_changes: [0, 0, 0],
    revaluation: [0, 44, 53.24],
    closing_stock: [440, 532.4, 644.204],
    net_capital_formation: [40, 48.4, 58.564],
    gfcf_share_gdp: [1, 1.1, 1.21],
  },
  index: { price_index: [100, 110, 121] },
};
// Tianjin (120000): flat 50 亿元 at flat prices, so g = 0 and K0 = 50 / 0.15 = 333.33...; each
// year CFC = 0.15 * 333.33 = 50 replaces exactly what depreciates, and the stock stays put.
const tianjinStock = 50 / 0.15;

describe('accounts of the toy series (hand-worked)', () => {
  let out: string;
  let rows: Csv;
  const value = (region: string, year: number, item: string, basis: string) => {
    const row = rows.find((r) => r.region_code === region && r.year === String(year) && r.item === item && r.price_basis === basis);
    return row === undefined ? undefined : Number(row.value);
  };

  beforeAll(async () => {
    out = join(await mkdtemp(join(tmpdir(), 'ipindex-accounts-')), 'out');
    await build({ dataDir: toy, outDir: out, site: false, log: silentStageLog, builtAt: '2026-01-01T00:00:00Z' });
    rows = parse(await readFile(join(out, 'data', 'accounts.csv'), 'utf8'), { columns: true }) as Csv;
  });

  test('accounts.csv has K0, K1, K2, K3, CFC and the flows, real and nominal, as worked out by hand', () => {
    for (const [basis, items] of Object.entries(beijing)) {
      for (const [item, values] of Object.entries(items)) {
        values.forEach((expected, t) =>
          expect(value('110000', 2020 + t, item, basis), `${item} ${basis} ${2020 + t}`).toBeCloseTo(expected, 9),
        );
      }
    }
    for (const year of [2020, 2021, 2022]) {
      expect(value('120000', year, 'opening_stock', 'current')).toBeCloseTo(tianjinStock, 9);
      expect(value('120000', year, 'cfc', 'current')).toBeCloseTo(50, 9);
      expect(value('120000', year, 'closing_stock', 'constant_2020')).toBeCloseTo(tianjinStock, 9);
    }
  });

  test('accounts.csv follows the output contract: every unit, year, item and basis once, with its unit', () => {
    expect(Object.keys(rows[0]!)).toEqual(['region_code', 'year', 'item', 'price_basis', 'value', 'unit']);
    // 3 regions + the nation, 3 years, 18 item-basis pairs.
    expect(rows).toHaveLength(4 * 3 * 18);
    expect(rows.find((r) => r.region_code === '110000' && r.item === 'gfcf_share_gdp')?.unit).toBe('%');
    expect(rows.find((r) => r.region_code === '110000' && r.item === 'stock_per_fte')?.unit).toBe('万元/人年');
    expect(rows.find((r) => r.item === 'price_index')?.unit).toBe('2020=100');
    expect(new Set(rows.filter((r) => r.item === 'closing_stock').map((r) => r.unit))).toEqual(new Set(['亿元']));
  });

  test('the nation is computed from its own rows (全国), and regions add up to it', () => {
    // National GFCF = 1,510,000 万元 = 151 亿元 = 100 + 50 + 1.
    expect(value('100000', 2020, 'gfcf', 'current')).toBeCloseTo(151, 9);
    // National deflator 110, 115, 120 rebased: 100, 104.545..., 109.0909...
    expect(value('100000', 2022, 'price_index', 'index')).toBeCloseTo((120 / 110) * 100, 9);
  });

  test('the manifest records what the accounts stage did', async () => {
    const manifest = JSON.parse(await readFile(join(out, 'data', 'manifest.json'), 'utf8'));
    expect(manifest.accounts).toEqual({
      computed: true,
      units: 4,
      national: true,
      firstYear: 2020,
      lastYear: 2022,
      baseYear: 2020,
      breaks: 0,
      nationalBreaks: 0,
    });
    expect(manifest.method.accounts).toMatchObject({
      depreciation: 0.15,
      growth_years: 2,
      capitalisation_share: 1,
      price_index: 'gdp_deflator',
    });
  });

  test('the asset account of Beijing is written as a layout CSV: title, units line, years as columns, footnotes', async () => {
    const text = await readFile(join(out, 'data', 'accounts', 'asset_account_110000.csv'), 'utf8');
    const lines = text.split('\r\n');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(lines.slice(0, 11)).toEqual([
      '\uFEFF北京市知识产权产品（R&D）资产账户 Beijing: asset account of intellectual property products (R&D),,,',
      '单位：亿元  Unit: 100 million yuan,,,',
      '项目 Item,年份 Year,,',
      ',2020,2021,2022',
      '现价 At current prices,,,',
      '　期初存量 Opening stock,400,440,532.4',
      '　　固定资本形成总额 Gross fixed capital formation,100,121,146.4',
      '　　减：固定资本消耗 Less: consumption of fixed capital,60,72.6,87.8',
      '　　资产物量其他变化 Other changes in the volume of assets,0,0,0',
      '　　重估价 Revaluation (nominal holding gains),0,44,53.2',
      '　期末存量 Closing stock,440,532.4,644.2',
    ]);
    expect(text).toContain('g为2020–2022年实际固定资本形成的几何平均增长率（10.00%）');
    expect(text).toContain('d = 0.15');
  });

  test('the regional table groups regions by zone under the national row and the sum of regions', async () => {
    const text = await readFile(join(out, 'data', 'accounts', 'regions_closing_stock_current.csv'), 'utf8');
    const labels = text
      .split('\r\n')
      .slice(4, 11)
      .map((line) => line.split(',')[0]);
    expect(labels).toEqual([
      '全国 National',
      '地区合计 Sum of regions',
      '东部地区 East',
      '　北京市 Beijing',
      '　天津市 Tianjin',
      '西部地区 West',
      '　西藏自治区 Tibet',
    ]);
    const east2020 = text.split('\r\n')[6]!.split(',')[1];
    expect(Number(east2020)).toBeCloseTo(440 + tianjinStock, 1);
    expect(text).toContain('核对：2020–2022年各地区R&D固定资本形成与地区生产总值之和与全国数相差均不超过0.50%。');
  });
});
