import { existsSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, test } from 'vitest';
import { createRegionMatcher } from '../../src/lib/regionMatcher.ts';
import type { Region, Variable } from '../../src/lib/types.ts';
import { importFile } from '../../src/import/importFile.ts';
import type { ImportResult } from '../../src/import/ImportResult.ts';
import { readCodebook } from '../../src/files/readCodebook.ts';
import { readCsvFile } from '../../src/files/readCsvFile.ts';
import { readObservationFile } from '../../src/intake/readObservations.ts';
import { readRegions } from '../../src/files/readRegions.ts';

// The real files of ../shared/real-data (see its README): two yearbook sheets and the four NBS
// long extracts they were keyed into. Imported by the maps of test/fixtures/maps, a sheet must
// give exactly the values of the matching rows of the extract.
const realData = path.resolve('../shared/real-data');
const sheets = path.join(realData, 'yearbook-sheets');
const nbs = path.join(realData, 'nbs-provincial');
const present = existsSync(sheets) && existsSync(nbs);
const absent = 'shared/real-data is absent: the real-data import tests did not run';
const allowMissing = process.env.IPINDEX_ALLOW_MISSING_SHARED === '1';
if (!present && allowMissing) console.warn(`${absent} (allowed by IPINDEX_ALLOW_MISSING_SHARED=1)`);
const requireShared = () => {
  if (!present) throw new Error(`${absent}: expected ${sheets} and ${nbs} (set IPINDEX_ALLOW_MISSING_SHARED=1 to allow)`);
};

const work = 'test/output/import-real';
const data = 'test/fixtures/import-data';
type Row = { region_code: string; year: string; variable: string; value: string; unit: string };

async function run(source: string, map: string): Promise<{ result: ImportResult; rows: Row[]; out: string }> {
  const out = path.join(work, `${map}.csv`);
  const result = await importFile({ source, map: `test/fixtures/maps/${map}.yaml`, out, data });
  const rows = parse(await readFile(out, 'utf8'), { columns: true, bom: true }) as Row[];
  return { result, rows, out };
}
const key = (r: Row) => `${r.region_code} ${r.year} ${r.variable} ${Number(r.value)} ${r.unit}`;
const accounted = (r: ImportResult) =>
  new Set(r.values.map((v) => v.row)).size + r.dropped.length + [...r.notSelected.values()].reduce((a, b) => a + b, 0) + r.blankRows;

describe.skipIf(!present && allowMissing)('real yearbook sheets and NBS extracts (shared/real-data)', () => {
  beforeAll(async () => {
    await rm(work, { recursive: true, force: true });
    await mkdir(work, { recursive: true });
  });

  test('the R&D FTE sheet (table 1-4, 2018) gives the values of RDLaborHour.csv for 2018', async () => {
    requireShared();
    const sheet = await run(path.join(sheets, 'techme_tech-yearbook_1-4_RD-FTE_raw-2018.xlsx'), 'rd-fte-2018');
    const extract = await run(path.join(nbs, 'RDLaborHour.csv'), 'rd-labor-hour');
    expect(sheet.rows).toHaveLength(31 * 5);
    expect(sheet.rows.map(key).sort()).toEqual(
      extract.rows
        .filter((r) => r.year === '2018')
        .map(key)
        .sort(),
    );
    // Read off the sheet by eye: C12 (北 京, total) and D37 (西 藏, researchers).
    expect(sheet.rows.find((r) => r.region_code === '110000' && r.variable === 'rd_fte')).toMatchObject({
      year: '2018',
      value: '267338',
      unit: '人年',
    });
    expect(sheet.rows.find((r) => r.region_code === '540000' && r.variable === 'rd_fte_researchers')?.value).toBe('1048');
    expect(sheet.result.dropped.map((d) => [d.row, d.reason])).toEqual([
      [7, '"全 国": national total'],
      [8, '"东部地区": zone total'],
      [9, '"中部地区": zone total'],
      [10, '"西部地区": zone total'],
      [11, '"东北地区": zone total'],
    ]);
    expect(sheet.result.notes).toEqual(
      expect.arrayContaining([
        'year 2018 (from the title)',
        'unit 人年 (row 3)',
        'header rows 5-6; region names in column A; data from row 7',
      ]),
    );
    expect(accounted(sheet.result)).toBe(sheet.result.rowsRead);
    expect(sheet.result.rowsRead).toBe(42 - 7 + 1);
  });

  test('the patent applications sheet (table 7-7, 2010) gives the values of RDPatentAccept.csv for 2010', async () => {
    requireShared();
    const sheet = await run(path.join(sheets, 'techme_tech-yearbook_7-7_patent-applications_raw-2010.xlsx'), 'patent-applications-2010');
    const extract = await run(path.join(nbs, 'RDPatentAccept.csv'), 'rd-patent-accept');
    expect(sheet.rows).toHaveLength(31 * 4);
    expect(sheet.rows.map(key).sort()).toEqual(
      extract.rows
        .filter((r) => r.year === '2010')
        .map(key)
        .sort(),
    );
    // C44: 西 藏, all three kinds, "162        " stored as text with trailing spaces.
    expect(sheet.rows.find((r) => r.region_code === '540000' && r.variable === 'patent_applications')?.value).toBe('162');
    expect(sheet.result.dropped.map((d) => d.row)).toEqual([9, 11, 12, 13, 52, 53, 54]);
    expect(sheet.result.dropped.at(-1)?.reason).toBe('"台    湾": Hong Kong, Macao or Taiwan (outside the regions)');
    // Rows 9-54: 31 provinces, 7 left out, 8 blank separator rows.
    expect(sheet.result.rowsRead).toBe(46);
    expect(sheet.result.blankRows).toBe(8);
    expect(accounted(sheet.result)).toBe(sheet.result.rowsRead);
  });

  test.each([
    ['RDActivity', 'rd-activity', 1736, 56],
    ['RDLaborHour', 'rd-labor-hour', 2170, 70],
    ['RDPatentAccept', 'rd-patent-accept', 1735, 56],
    ['RDPatentAuthority', 'rd-patent-authority', 1736, 56],
  ])(
    '%s.csv imports cleanly: every row used or left out as a national total, the output a valid long file',
    async (file, map, values, dropped) => {
      requireShared();
      const { result, out } = await run(path.join(nbs, `${file}.csv`), map);
      // 32 names (31 provinces and 全国) x 14 years x sub-items, less the one missing row of RDPatentAccept.
      expect(result.values).toHaveLength(values);
      expect(result.dropped).toHaveLength(dropped);
      expect(new Set(result.dropped.map((d) => d.reason.replace(/^".*": /, '')))).toEqual(new Set(['national total']));
      expect(result.rowsRead).toBe(values + dropped);
      expect(accounted(result)).toBe(result.rowsRead);
      expect(new Set(result.values.map((v) => v.region_code)).size).toBe(31);

      const regions = readRegions(await readCsvFile(path.join(data, 'regions.csv'), 'regions.csv')).regions as Region[];
      const variables = readCodebook(await readCsvFile(path.join(data, 'variables.csv'), 'variables.csv')).variables as Variable[];
      const loaded = await readObservationFile(out, out, new Map(variables.map((v) => [v.variable, v])), createRegionMatcher(regions));
      expect(loaded.result.problems).toEqual([]);
      expect(loaded.result.shape).toBe('long');
      expect(loaded.result.observations).toHaveLength(values);
    },
  );

  test('the OCR variants of the extracts are read through the variant table and said so', async () => {
    requireShared();
    const { result } = await run(path.join(nbs, 'RDPatentAuthority.csv'), 'rd-patent-authority');
    expect(result.notes).toEqual(
      expect.arrayContaining([
        'read "山两" as region 140000 (a known variant spelling)',
        'read "两藏" as region 540000 (a known variant spelling)',
      ]),
    );
  });
});
