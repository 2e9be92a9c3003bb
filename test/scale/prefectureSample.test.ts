import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadDataDir } from '../../src/intake/loadDataDir.ts';
import { openDatabase } from '../../src/database/openDatabase.ts';
import { runChecks } from '../../src/database/runQueries.ts';
import { microdataCached } from '../../src/microdata/microdataCached.ts';
import { runStaging } from '../../src/staging/runStaging.ts';
import { NATIONAL_TOTALS_FROM_2005 } from '../../src/sample/earlyNationalTotals.ts';
import { generatePrefectureSample } from '../../src/sample/generatePrefectureSample.ts';
import { prefectureRegions, readRegionRows, type RegionRow } from '../../src/sample/prefectureRegions.ts';
import { PREFECTURE_UNITS } from '../../src/sample/prefectureUnits.ts';
import { PROVINCE_PROFILES } from '../../src/sample/provinceProfiles.ts';
import { readSampleInputs, type SampleInputs } from '../../src/sample/readSampleInputs.ts';
import { simulateSeries } from '../../src/sample/simulateSeries.ts';
import { writeDataDirectory } from '../../src/sample/writeDataDirectory.ts';

const DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));
let provinces: RegionRow[];
let inputs: SampleInputs;
let work: string;
beforeAll(async () => {
  provinces = await readRegionRows(DATA_DIR);
  inputs = await readSampleInputs(DATA_DIR);
  work = await mkdtemp(join(tmpdir(), 'ipindex-scale-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('prefecture-level regions', () => {
  test('333 prefecture-level units of GB/T 2260 (293 cities, 7 prefectures, 30 autonomous prefectures, 3 leagues)', () => {
    const kinds = PREFECTURE_UNITS.reduce<Record<string, number>>((n, [, , , kind]) => ({ ...n, [kind]: (n[kind] ?? 0) + 1 }), {});
    expect(kinds).toEqual({ city: 293, prefecture: 7, autonomous_prefecture: 30, league: 3 });
    expect(new Set(PREFECTURE_UNITS.map(([code]) => code)).size).toBe(333);
    for (const [code, nameZh, nameEn] of PREFECTURE_UNITS) {
      expect(code).toMatch(/^\d{4}00$/);
      expect(code.slice(2, 4)).not.toBe('00');
      expect(nameZh).toMatch(/(市|地区|自治州|盟)$/);
      expect(nameEn).not.toBe('');
    }
    expect(PREFECTURE_UNITS.find(([code]) => code === '320500')?.slice(1, 3)).toEqual(['苏州市', 'Suzhou']);
    expect(PREFECTURE_UNITS.find(([code]) => code === '653100')?.slice(1, 3)).toEqual(['喀什地区', 'Kashi Prefecture']);
  });

  test('337 units with values (the municipalities listed once, as themselves) under 27 provinces', () => {
    const rows = prefectureRegions(provinces);
    const units = rows.filter((r) => r.level === 'prefecture');
    const parents = rows.filter((r) => r.level === 'province');
    expect(units).toHaveLength(337);
    expect(parents).toHaveLength(27);
    expect(units.filter((u) => u.parent_code === '').map((u) => u.region_code)).toEqual(['110000', '120000', '310000', '500000']);
    const codes = new Set(rows.map((r) => r.region_code));
    for (const unit of units) if (unit.parent_code !== '') expect(codes.has(unit.parent_code)).toBe(true);
    // The zone is the province's: Suzhou is east, Chengdu west, Harbin northeast.
    const zone = (code: string) => rows.find((r) => r.region_code === code)?.zone;
    expect([zone('320500'), zone('510100'), zone('230100'), zone('420100')]).toEqual(['east', 'west', 'northeast', 'central']);
    // Units per province as in GB/T 2260: Guangdong 21, Sichuan 21, Hainan 4, Ningxia 5.
    const count = (province: string) => units.filter((u) => u.parent_code === province).length;
    expect([count('440000'), count('510000'), count('460000'), count('640000')]).toEqual([21, 21, 4, 5]);
  });
});

describe('prefecture-level sample', () => {
  const years = Array.from({ length: 20 }, (_, i) => 2005 + i);
  test('the units of a province add up to the province, and parts stay within their totals', () => {
    const sample = generatePrefectureSample(provinces, inputs.variables, { seed: 20141, years });
    const provinceRows = provinces.filter((p) => p.level === 'province');
    const series = simulateSeries(
      provinceRows.map((p) => PROVINCE_PROFILES[p.region_code]!),
      provinceRows.map((p) => p.region_code),
      years,
      20141,
      NATIONAL_TOTALS_FROM_2005,
    );
    const jiangsu = provinceRows.findIndex((p) => p.region_code === '320000');
    const inJiangsu = sample.units.map((u, i) => (u.parent_code === '320000' ? i : -1)).filter((i) => i >= 0);
    expect(inJiangsu).toHaveLength(13);
    for (const variable of ['gdp', 'rd_expenditure', 'patent_grants', 'enforcement_cases']) {
      for (const t of [0, 9, 19]) {
        const sum = inJiangsu.reduce((s, i) => s + sample.panels[variable]![i]![t]!, 0);
        expect(sum / series[variable]![jiangsu]![t]!).toBeCloseTo(1, 10);
      }
    }
    // Beijing is one unit: its values are the province's.
    const beijing = sample.units.findIndex((u) => u.region_code === '110000');
    expect(sample.panels.gdp![beijing]![19]).toBeCloseTo(series.gdp![0]![19]!, 6);
    const value = (v: string, i: number, t: number) => sample.panels[v]![i]![t]!;
    for (let i = 0; i < sample.units.length; i++) {
      for (const t of [0, 19]) {
        expect(value('rd_basic', i, t)).toBeLessThan(value('rd_expenditure', i, t));
        expect(value('high_value_in_force', i, t)).toBeLessThanOrEqual(value('invention_in_force', i, t));
        expect(value('invention_in_force', i, t)).toBeLessThanOrEqual(value('patents_in_force', i, t));
      }
    }
    expect(sample.tables.map((t) => t.rows.length)).toEqual(sample.tables.map(() => 337 * 20));
  });

  test('writes a data directory whose microdata the pipeline reads without a problem, the same bytes for the same seed', async () => {
    const dir = join(work, 'data');
    const lines = await writeDataDirectory(DATA_DIR, dir, { level: 'prefecture', years: 3, records: 3000, seed: 7 });
    expect(lines.at(-3)).toMatch(/patent_records\.csv \(3,000 records, seed 7\)$/);
    const again = join(work, 'again');
    await writeDataDirectory(DATA_DIR, again, { level: 'prefecture', years: 3, records: 3000, seed: 7 });
    const sha = async (path: string) =>
      createHash('sha256')
        .update(await readFile(path))
        .digest('hex');
    for (const file of ['patent_records.csv', 'transfer_records.csv', 'pledge_records.csv', 'economy.csv']) {
      expect(await sha(join(again, file)), file).toBe(await sha(join(dir, file)));
    }

    // What the records say, counted here in JavaScript, and what SQL makes of them.
    const records = parse(await readFile(join(dir, 'patent_records.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(records).toHaveLength(3000);
    const grants2024 = records.filter((r) => r.grant_year === '2024').length;
    const inForce2024 = records.filter((r) => r.grant_year !== '' && r.lapse_year === '').length;
    const data = await loadDataDir(dir, 'data');
    const db = await openDatabase();
    try {
      const problems = [...data.problems, ...(await runStaging(db, data)), ...(await runChecks(db))];
      expect(problems).toEqual([]);
      const [sums] = await db.query<{ grants: number; in_force: number; years: string }>(
        `SELECT sum(value) FILTER (WHERE variable = 'patent_grants' AND year = 2024) AS grants,
                sum(value) FILTER (WHERE variable = 'patents_in_force' AND year = 2024) AS in_force,
                string_agg(DISTINCT CAST(year AS VARCHAR), ',' ORDER BY CAST(year AS VARCHAR)) AS years
         FROM observations WHERE source_file = 'data/patent_records.csv'`,
      );
      expect(sums).toEqual({ grants: grants2024, in_force: inForce2024, years: '2022,2023,2024' });
      // A run waits for its Parquet copies before it ends (computeResults does so for a build).
      expect(await microdataCached(data.microdata)).toHaveLength(3);
    } finally {
      db.close();
    }
  });
});
