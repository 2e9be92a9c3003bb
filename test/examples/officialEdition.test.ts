import { cp, mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, test } from 'vitest';
import { importOfficialTables, officialDir, officialTables } from '../../examples/official/officialTables.ts';
import { main } from '../../src/cli/cli.ts';

// The official-data edition (examples/official/): its raw tables imported through ipindex
// import give the committed data directory byte for byte, the build succeeds, and published
// figures equal the yearbook values worked out here from the raw rows.

type Raw = { province: string; year: string; chn_block4: string; value: string };
const raw = async (file: string) => parse(await readFile(join(officialDir, 'raw', file), 'utf8'), { columns: true }) as Raw[];
const value = (rows: Raw[], province: string, year: string, item: string) =>
  Number(rows.find((r) => r.province === province && r.year === year && r.chn_block4 === item)!.value);

const work = await mkdtemp(join(tmpdir(), 'ipindex-official-'));
const data = join(work, 'data');
const out = join(work, 'out');
type Indicator = { region_code: string; year: string; indicator: string; raw_value: string };
let indicators: Indicator[] = [];
const lines: string[] = [];

beforeAll(async () => {
  await cp(join(officialDir, 'data'), data, { recursive: true, filter: (source) => !officialTables.some((t) => source.endsWith(t.out)) });
  expect(await importOfficialTables(data, (line) => lines.push(line))).toBe(0);
  expect(
    await main(
      ['build', data, '--out', out],
      (line) => lines.push(line),
      (line) => lines.push(line),
    ),
  ).toBe(0);
  indicators = parse(await readFile(join(out, 'data', 'indicators.csv'), 'utf8'), { columns: true }) as Indicator[];
}, 180_000);

const figure = (region: string, year: string, indicator: string) =>
  Number(indicators.find((r) => r.region_code === region && r.year === year && r.indicator === indicator)!.raw_value);

describe('the official-data edition', () => {
  test('its tables imported through ipindex import are the committed data directory, byte for byte', async () => {
    for (const table of officialTables) {
      expect(await readFile(join(data, table.out), 'utf8'), table.out).toBe(await readFile(join(officialDir, 'data', table.out), 'utf8'));
    }
  });

  test('publishes the yearbook figures: R&D intensity, the invention share of grants, technology contracts over GDP', async () => {
    // Beijing's R&D intensity in 2023, as the yearbook prints it: 6.73% of GDP.
    expect(figure('110000', '2023', 'rd_intensity')).toBe(6.73);
    const grants = await raw('RDPatentAuthority.csv');
    expect(figure('440000', '2023', 'invention_grant_share')).toBeCloseTo(
      (value(grants, '广东', '2023', '发明') / value(grants, '广东', '2023', '合计')) * 100,
      10,
    );
    // GDP is what the yearbook's R&D expenditure and intensity imply: RD经费 / RD强度 x 100.
    const intensity = await raw('RDIntense.csv');
    const gdp = (value(intensity, '上海', '2023', 'RD经费') / value(intensity, '上海', '2023', 'RD强度')) * 100;
    const sold = value(await raw('MarketPush.csv'), '上海', '2023', '金额');
    expect(figure('310000', '2023', 'tech_outflow_gdp_share')).toBeCloseTo((sold / 10000 / gdp) * 100, 10);
  });

  test('its pages say where the numbers come from and carry no synthetic-data banner; nothing published names a path of the build machine', async () => {
    const overview = await readFile(join(out, 'index.html'), 'utf8');
    expect(overview).not.toContain('class="banner"');
    expect(overview).toContain('《中国科技统计年鉴》 2012-2024');
    const methodology = await readFile(join(out, 'methodology', 'index.html'), 'utf8');
    for (const table of ['R&amp;D经费内部支出按资金来源分', '技术市场成交合同按技术输出地域分', '地方一般公共预算支出'])
      expect(methodology).toContain(table);
    const files = (await readdir(out, { recursive: true })).filter((f) => /\.(html|csv|json)$/.test(f));
    expect(files.length).toBeGreaterThan(100);
    for (const file of files) expect(await readFile(join(out, file), 'utf8'), file).not.toContain(work);
  });
});
