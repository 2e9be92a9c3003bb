import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { rankRegions } from '../../src/components/rankRegions.ts';
import type { Report } from '../../src/lib/report.ts';
import { computeResults } from '../../src/build/computeResults.ts';
import { silentStageLog } from '../../src/build/createStageLog.ts';
import { loadDataDir } from '../../src/intake/loadDataDir.ts';
import { openDatabase, type Database } from '../../src/database/openDatabase.ts';
import { assembleReport } from '../../src/report/assembleReport.ts';
import { prepareDownloads } from '../../src/report/prepareDownloads.ts';
import { writeResults } from '../../src/build/writeResults.ts';

// The report of test/fixtures/tiny (3 regions, 2 years; see its README and
// test/pipeline/build.test.ts for the indicator values worked out by hand). Index weights: input 2,
// output 1; two indicators in each dimension, weight 1 each.
const BJ = '110000';
const TJ = '120000';
const XZ = '540000';

let db: Database;
let report: Report;
let dataDir: string;

// Tibet's English name is a spreadsheet formula here, which the downloads must not let run.
const formulaName = '=HYPERLINK("http://example.invalid","x")';

beforeAll(async () => {
  db = await openDatabase();
  const root = await mkdtemp(join(tmpdir(), 'ipindex-report-'));
  await cp('test/fixtures/tiny', join(root, 'tiny'), { recursive: true });
  const regions = await readFile(join(root, 'tiny', 'regions.csv'), 'utf8');
  await writeFile(
    join(root, 'tiny', 'regions.csv'),
    regions.replace('540000,西藏自治区,Tibet,', `540000,西藏自治区,"${formulaName.replaceAll('"', '""')}",`),
  );
  const data = await loadDataDir(join(root, 'tiny'), 'test/fixtures/tiny');
  const computed = await computeResults(db, data, silentStageLog);
  dataDir = join(root, 'data');
  await writeResults(db, dataDir, data, computed, { version: 'test', builtAt: '2026-01-01T00:00:00Z' });
  const downloads = await prepareDownloads(db, dataDir, { sample: true, builtAt: '2026-01-01T00:00:00Z', version: '0.0.0' });
  await downloads.writeTables();
  report = await assembleReport(db, { method: data.method, builtAt: '2026-01-01T00:00:00Z', version: 'test', downloads: downloads.files });
});

afterAll(async () => {
  db?.close();
  if (dataDir) await rm(dirname(dataDir), { recursive: true, force: true });
});

describe('the report model (queries/report/)', () => {
  test('nodes: the tree in reading order, with shares of the parent and weights in the index', () => {
    expect(report.nodes.map((n) => [n.code, n.depth])).toEqual([
      ['index', 0],
      ['input', 1],
      ['rd_intensity', 2],
      ['rd_per_capita', 2],
      ['output', 1],
      ['patents_per_10k', 2],
      ['patent_growth', 2],
    ]);
    const node = (code: string) => report.nodes.find((n) => n.code === code);
    expect(node('input')?.share).toBeCloseTo(2 / 3, 12);
    expect(node('output')?.index_weight).toBeCloseTo(1 / 3, 12);
    expect(node('rd_intensity')?.share).toBeCloseTo(1 / 2, 12);
    expect(node('rd_intensity')?.index_weight).toBeCloseTo(1 / 3, 12); // 2/3 x 1/2
    expect(node('patent_growth')?.index_weight).toBeCloseTo(1 / 6, 12); // 1/3 x 1/2
  });

  test('contributions: score x weight in the index, renormalised over what is there, adding up to the index', async () => {
    const contribution = (region: string, year: number, node: string) =>
      report.contributions.find((c) => c.region_code === region && c.year === year && c.node === node)?.contribution;
    // Beijing 2021: normalised rd_intensity 100, rd_per_capita 100, patents_per_10k 100, patent_growth 25.
    expect(contribution(BJ, 2021, 'rd_intensity')).toBeCloseTo(100 / 3, 9);
    expect(contribution(BJ, 2021, 'patents_per_10k')).toBeCloseTo(100 / 6, 9);
    expect(contribution(BJ, 2021, 'patent_growth')).toBeCloseTo(25 / 6, 9);
    expect(contribution(BJ, 2021, 'output')).toBeCloseTo(125 / 6, 9);
    // The report carries the latest year, the one the pages show.
    expect(new Set(report.contributions.map((c) => c.year))).toEqual(new Set([2021]));
    for (const region of [BJ, TJ, XZ]) {
      const index = report.ranking.find((r) => r.region_code === region && r.year === 2021)?.score ?? NaN;
      const sum = (level: number) =>
        report.contributions.filter((c) => c.region_code === region && c.level === level).reduce((a, c) => a + c.contribution, 0);
      expect(sum(1)).toBeCloseTo(index, 9);
      expect(sum(2)).toBeCloseTo(index, 9);
    }
    // 2020 has no growth: patents_per_10k carries all of output's third (the composite's table, which has every year).
    const weights2020 = await db.query<{ indicator: string; weight: number }>(
      `SELECT indicator, weight FROM contributions WHERE region_code = '${BJ}' AND year = 2020`,
    );
    expect(weights2020.find((w) => w.indicator === 'patents_per_10k')?.weight).toBeCloseTo(1 / 3, 12);
    expect(weights2020.find((w) => w.indicator === 'patent_growth')).toBeUndefined();
  });

  test('national level: the distribution over the regions of scores and values', () => {
    const row = report.national.find((n) => n.node === 'rd_intensity' && n.year === 2021);
    // Values 6.3, 3.0, 0.6; normalised 100, (3.0 - 0.6) / (6.3 - 0.6) x 100, 0.
    expect(row?.value_mean).toBeCloseTo(3.3, 12);
    expect(row?.value_median).toBeCloseTo(3.0, 12);
    expect(row?.value_p25).toBeCloseTo(1.8, 12); // 0.6 + 0.5 x (3.0 - 0.6)
    expect(row?.value_p75).toBeCloseTo(4.65, 12); // 3.0 + 0.5 x (6.3 - 3.0)
    expect([row?.value_min, row?.value_max]).toEqual([0.6, 6.3]);
    expect(row?.score_mean).toBeCloseTo((100 + (2.4 / 5.7) * 100 + 0) / 3, 9);
    expect(row?.regions).toBe(3);
  });

  test('indicator values carry their change since the year before and the rank of their score', () => {
    const value = (region: string, year: number, indicator: string) =>
      report.indicatorValues.find((v) => v.region_code === region && v.year === year && v.indicator === indicator);
    expect(value(BJ, 2021, 'rd_intensity')?.change).toBeCloseTo(6.3 - 6.25, 12);
    // No growth in 2020 (the first year): no change to 2021.
    expect(value(XZ, 2021, 'patent_growth')?.change).toBeNull();
    // The latest year only, the one the pages show (every year is in data/indicators.csv).
    expect(new Set(report.indicatorValues.map((v) => v.year))).toEqual(new Set([2021]));
    expect(value(XZ, 2021, 'patent_growth')).toMatchObject({ value: 50, rank: 1, score: 100 });
  });

  test('coverage by indicator and by region counts the values there are', () => {
    expect(report.coverage.find((c) => c.indicator === 'patent_growth' && c.year === 2020)).toMatchObject({ available: 0, expected: 3 });
    expect(report.coverage.find((c) => c.indicator === 'patent_growth' && c.year === 2021)).toMatchObject({ available: 3, expected: 3 });
    expect(report.regionCoverage.find((c) => c.region_code === BJ && c.year === 2020)).toMatchObject({ available: 3, expected: 4 });
  });

  test('sources: the variables of each formula and the files they were read from, named within the data directory', () => {
    const sources = report.sources.filter((s) => s.indicator === 'rd_intensity');
    expect(sources.map((s) => [s.variable, s.source_files])).toEqual([
      ['gdp', 'economy.csv'],
      ['rd_expenditure', 'rd.csv'],
    ]);
    // Six regional values and the national total.
    expect(sources[0]?.values_given).toBe(7);
  });

  test('performance groups: the index as a percentage of the mean of the regions', () => {
    // 2021 index: Beijing 87.5; Tianjin (2 x (42.105 + 23.202) / 2 + (33.333 + 0) / 2) / 3 = 27.325;
    // Tibet (2 x 0 + (0 + 100) / 2) / 3 = 16.667; mean 43.831.
    const tianjin = ((2 * ((2.4 / 5.7) * 100 + (3000 / 12930) * 100)) / 2 + ((9.5 / 28.5) * 100) / 2) / 3;
    const mean = (87.5 + tianjin + 50 / 3) / 3;
    const group = (region: string) => report.groups?.find((g) => g.region_code === region && g.year === 2021);
    expect(group(BJ)?.relative).toBeCloseTo((87.5 / mean) * 100, 9);
    expect(group(BJ)?.group).toBe('leader'); // 199.6% > 125%
    expect(group(TJ)?.relative).toBeCloseTo((tianjin / mean) * 100, 9);
    expect(group(TJ)?.group).toBe('emerging'); // 62.3% < 70%
    expect(group(XZ)?.group).toBe('emerging');
  });

  test('the ranking: ranks and rank changes of the index', () => {
    expect(report.years).toEqual([2020, 2021]);
    expect(report.ranking.filter((r) => r.year === 2021).map((r) => [r.region_code, r.rank, r.rank_change])).toEqual([
      [BJ, 1, 0],
      [TJ, 2, 0],
      [XZ, 3, 0],
    ]);
    expect(report.regions.map((r) => r.region_code)).toEqual([BJ, TJ, XZ]);
  });
});

describe('what-if weights in the browser', () => {
  test('the official weights give back the official index and ranks of every year', () => {
    const dimensions = report.nodes.filter((n) => n.depth === 1);
    for (const year of report.years) {
      const rows = report.regions.map((r) => ({
        region_code: r.region_code,
        scores: dimensions.map(
          (d) => report.nodeScores.find((s) => s.region_code === r.region_code && s.year === year && s.node === d.code)?.score ?? null,
        ),
      }));
      const ranked = rankRegions(
        rows,
        dimensions.map((d) => d.weight),
      );
      for (const official of report.ranking.filter((r) => r.year === year)) {
        expect(ranked.get(official.region_code)?.score).toBeCloseTo(official.score ?? NaN, 9);
        expect(ranked.get(official.region_code)?.rank).toBe(official.rank);
      }
    }
  });

  test('ties share the lower rank, a missing score drops out, no score no rank', () => {
    const ranked = rankRegions(
      [
        { region_code: 'a', scores: [50, 50] },
        { region_code: 'b', scores: [60, 40] },
        { region_code: 'c', scores: [null, 40] },
        { region_code: 'd', scores: [null, null] },
      ],
      [1, 1],
    );
    expect([...ranked.values()]).toEqual([
      { score: 50, rank: 1 },
      { score: 50, rank: 1 },
      { score: 40, rank: 3 },
      { score: null, rank: null },
    ]);
    expect(rankRegions([{ region_code: 'b', scores: [60, 40] }], [3, 1]).get('b')?.score).toBe(55);
  });
});

describe('downloads (out/data)', () => {
  test('every CSV table is also a sheet of ipindex.xlsx and an Arrow file with the same rows', async () => {
    const csvTables = report.downloads.filter((d) => d.format === 'csv').map((d) => d.table);
    expect(csvTables).toEqual(expect.arrayContaining(['indicators', 'observations', 'ranking', 'scores']));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dataDir, 'ipindex.xlsx'));
    for (const table of csvTables) {
      const csvRows = (await readFile(join(dataDir, `${table}.csv`), 'utf8')).trim().split('\n').length - 1;
      expect(workbook.getWorksheet(table!)?.rowCount).toBe(csvRows + 1);
      expect(tableFromIPC(await readFile(join(dataDir, `${table}.arrow`))).numRows).toBe(csvRows);
      expect(report.downloads.find((d) => d.format === 'csv' && d.table === table)?.rows).toBe(csvRows);
    }
    // 3 regions x 2 years x 7 nodes.
    expect(report.downloads.find((d) => d.file === 'data/scores.csv')?.rows).toBe(42);
    // Codes stay text: 110000 is a name, not a number.
    expect(workbook.getWorksheet('scores')?.getRow(2).getCell(1).value).toBe(BJ);
  });

  test('CSV and XLSX cells that start with = cannot run as formulas in a spreadsheet', async () => {
    const csv = await readFile(join(dataDir, 'ranking.csv'), 'utf8');
    expect(csv).toContain(`,"'=HYPERLINK(""http://example.invalid"",""x"")",west,`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dataDir, 'ipindex.xlsx'));
    const sheet = workbook.getWorksheet('ranking');
    const header = (sheet?.getRow(1).values as unknown[]).slice(1);
    const tibet = sheet?.getRows(2, sheet.rowCount - 1)?.find((row) => row.getCell(header.indexOf('region_code') + 1).value === XZ);
    const name = tibet?.getCell(header.indexOf('name_en') + 1);
    expect(name?.value).toBe(`'${formulaName}`);
    expect(name?.type).toBe(ExcelJS.ValueType.String);
  });

  test('each table has a copy for Excel: a byte-order mark, headers in words, names beside codes, numbers rounded by unit', async () => {
    const copy = await readFile(join(dataDir, 'excel', 'indicators.csv'), 'utf8');
    // Excel on Chinese Windows reads UTF-8 only after a BOM; its lines end CRLF.
    expect(copy.startsWith('\uFEFF地区代码 (region_code),地区名称,年份 (year),指标代码 (indicator),指标名称,数值 (value),')).toBe(true);
    const lines = copy.slice(1).split('\r\n');
    expect(lines.at(-1)).toBe('');
    const full = (await readFile(join(dataDir, 'indicators.csv'), 'utf8')).trim().split('\n');
    expect(lines.length - 2).toBe(full.length - 1);
    // Beijing's R&D intensity (%) in full, and in the copy to two decimals; its per-capita R&D (元/人, a rate) too.
    const header = full[0]!.split(',');
    const fullValue = (indicator: string) =>
      Number(full.find((l) => l.startsWith(`${BJ},2021,${indicator},`))!.split(',')[header.indexOf('value')]);
    const copyRow = (indicator: string) => lines.find((l) => l.startsWith(`${BJ},北京市,2021,${indicator},`))!.split(',');
    expect(copyRow('rd_intensity').slice(0, 6)).toEqual([
      BJ,
      '北京市',
      '2021',
      'rd_intensity',
      'R&D强度',
      (Math.round(fullValue('rd_intensity') * 100) / 100).toFixed(2),
    ]);
    expect(copyRow('rd_per_capita')[5]).toBe((Math.round(fullValue('rd_per_capita') * 100) / 100).toFixed(2));
    // Counts are whole: observations in 件 (patents) have no decimals in the copy.
    const observations = (await readFile(join(dataDir, 'excel', 'observations.csv'), 'utf8')).split('\r\n');
    const patents = observations.find((l) => l.startsWith(`${BJ},北京市,2021,patents,`))!.split(',');
    expect(patents[5]).toMatch(/^\d+$/);
    // A negative number stays a number: no apostrophe before its minus sign (only text is guarded against formulas).
    const changes = await readFile(join(dataDir, 'excel', 'score_changes.csv'), 'utf8');
    expect(changes).toMatch(/,-\d/);
    expect(changes).not.toMatch(/'-\d/);
    expect(report.downloads.find((d) => d.file === 'data/excel/scores.csv')).toMatchObject({
      table: 'scores',
      format: 'csv-excel',
      rows: 42,
    });
  });

  test('the workbook opens with a notes sheet: sample or official, sources and units, every sheet and column in words', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dataDir, 'ipindex.xlsx'));
    const notes = workbook.worksheets[0]!;
    expect(notes.name).toBe('说明 Notes');
    const rows = (notes.getSheetValues() as unknown[][]).slice(2).map((row) => row.slice(1, 5));
    expect(rows[0]).toEqual([
      '报告 Report',
      'data',
      '示例数据：随附的示意性数据，并非官方统计数据，不得引用',
      'Sample data: illustrative, not official statistics; do not quote',
    ]);
    expect(rows).toContainEqual(['变量 Variables', 'gdp', '地区生产总值（亿元）', 'Gross regional product (亿元)']);
    expect(rows).toContainEqual([
      '工作表 Sheets',
      'scores',
      '标准化得分、维度得分与指数及排名，42行',
      'Normalised scores, dimension scores and the index, with ranks, 42 rows',
    ]);
    expect(rows).toContainEqual(['列 Columns', 'score', '得分', 'Score']);
    expect(workbook.worksheets[1]?.name).toBe(
      workbook.worksheets
        .slice(1)
        .map((w) => w.name)
        .sort()[0],
    );
  });

  test('files written while the pages are built are listed without a size', () => {
    expect(report.downloads.find((d) => d.file === 'data/ipindex.xlsx')).toMatchObject({ table: null, bytes: null });
    expect(report.downloads.find((d) => d.file === 'data/scores.arrow')).toMatchObject({ table: 'scores', bytes: null, rows: 42 });
    expect(report.downloads.find((d) => d.file === 'data/manifest.json')?.bytes).toBeGreaterThan(0);
  });
});
