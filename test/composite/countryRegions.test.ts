import { describe, expect, test } from 'vitest';
import { formatProblem } from '../../src/lib/InputError.ts';
import { createRegionMatcher } from '../../src/lib/regionMatcher.ts';
import { readRegions } from '../../src/files/readRegions.ts';
import type { CsvTable } from '../../src/files/readCsvFile.ts';

// Units of an index outside China (COINr's countries): level country, a code of letters and
// digits, any group label as zone. Provinces and prefectures keep GB/T 2260 codes and the four zones.

const table = (rows: string[][]): CsvTable =>
  ({
    file: 'regions.csv',
    encoding: 'utf-8',
    delimiter: ',',
    header: ['region_code', 'name_zh', 'name_en', 'level', 'parent_code', 'zone'],
    rows: rows.map((cells, i) => ({ row: i + 2, cells })),
    bytes: Buffer.from(''),
  }) as unknown as CsvTable;

describe('regions.csv with countries', () => {
  test('a country takes a letter code and any group as its zone, beside provinces', () => {
    const { regions, problems } = readRegions(
      table([
        ['AUT', 'Austria', 'Austria', 'country', '', 'Europe'],
        ['KOR', '韩国', 'Korea', 'country', '', 'Asia'],
        ['110000', '北京市', 'Beijing', 'province', '', 'east'],
      ]),
    );
    expect(problems).toEqual([]);
    expect(regions.map((r) => [r.region_code, r.level, r.zone])).toEqual([
      ['AUT', 'country', 'Europe'],
      ['KOR', 'country', 'Asia'],
      ['110000', 'province', 'east'],
    ]);
  });

  test('what stays an error: a 6-digit code for provinces, the four zones for them, a group for countries', () => {
    const { problems } = readRegions(
      table([
        ['BJ', '北京市', 'Beijing', 'province', '', 'east'],
        ['120000', '天津市', 'Tianjin', 'province', '', 'Europe'],
        ['A-T', 'Austria', 'Austria', 'country', '', ''],
        ['130000', '河北省', 'Hebei', 'county', '', 'east'],
      ]),
    );
    expect(problems.map(formatProblem)).toEqual([
      'regions.csv, row 2, column "region_code": found "BJ", expected a 6-digit GB/T 2260 code',
      'regions.csv, row 3, column "zone": found "Europe", expected east, central, west, northeast',
      'regions.csv, row 4, column "region_code": found "A-T", expected a code of letters and digits, e.g. AUT',
      'regions.csv, row 4, column "zone": found an empty group, expected a group label (used by group imputation), e.g. Europe',
      'regions.csv, row 5, column "level": found "county", expected province or prefecture or country',
    ]);
  });

  test("the region matcher takes a country's code exactly, before any name", () => {
    const matcher = createRegionMatcher([
      { region_code: 'AUT', name_zh: 'Austria', name_en: 'Austria', level: 'country', parent_code: '', zone: 'Europe' },
      { region_code: 'AUS', name_zh: 'Australia', name_en: 'Australia', level: 'country', parent_code: '', zone: 'Asia' },
    ]);
    expect(matcher.match('AUT')).toEqual({ kind: 'region', region_code: 'AUT', how: 'code' });
    expect(matcher.match(' AUS ')).toEqual({ kind: 'region', region_code: 'AUS', how: 'code' });
    expect(matcher.match('Australia')).toEqual({ kind: 'region', region_code: 'AUS', how: 'name' });
    expect(matcher.match('aut').kind).toBe('unknown');
  });
});
