import { describe, expect, test } from 'vitest';
import type { Report } from '../../src/lib/report.ts';
import { reportIndex, rowsOf } from '../../src/routes/reportIndex.ts';

// Two regions over two years, one index node: four scores, and one contribution row per
// region-year for each of two indicators.
const score = (region_code: string, year: number, value: number) => ({
  region_code,
  year,
  node: 'index',
  level: 2,
  score: value,
  rank: null,
  previous_rank: null,
});
const contribution = (region_code: string, year: number, node: string, value: number) => ({
  region_code,
  year,
  node,
  level: 1,
  index_weight: 0.5,
  contribution: value,
});
const report = {
  regions: [
    { region_code: '110000', name_zh: '北京市', name_en: 'Beijing', level: 'province', parent_code: null, zone: 'east' },
    { region_code: '120000', name_zh: '天津市', name_en: 'Tianjin', level: 'province', parent_code: null, zone: 'east' },
  ],
  nodes: [],
  nodeScores: [score('110000', 2021, 60), score('110000', 2022, 70), score('120000', 2021, 40), score('120000', 2022, 45)],
  contributions: [contribution('110000', 2022, 'a', 30), contribution('120000', 2022, 'a', 20), contribution('110000', 2022, 'b', 40)],
  indicatorValues: [],
  national: [],
  ranking: [],
  sources: [],
  coverage: [],
  regionCoverage: [],
} as unknown as Report;

describe('the report index', () => {
  test('finds a score by region, node and year, and groups rows in report order', () => {
    const index = reportIndex(report);
    expect(index.nodeScore.get('120000|index|2022')?.score).toBe(45);
    expect(index.nodeScore.get('120000|index|2020')).toBeUndefined();
    expect(rowsOf(index.nodeScoresByYear, 2021).map((s) => s.score)).toEqual([60, 40]);
    expect(rowsOf(index.contributionsByRegionYear, '110000|2022').map((c) => [c.node, c.contribution])).toEqual([
      ['a', 30],
      ['b', 40],
    ]);
    expect(rowsOf(index.contributionsByRegionYear, '120000|2021')).toEqual([]);
    expect(index.region.get('120000')?.name_en).toBe('Tianjin');
  });

  test('is built once per report object', () => {
    expect(reportIndex(report)).toBe(reportIndex(report));
    const other = { ...report, nodeScores: [score('110000', 2022, 99)] };
    expect(reportIndex(other).nodeScore.get('110000|index|2022')?.score).toBe(99);
    expect(reportIndex(report).nodeScore.get('110000|index|2022')?.score).toBe(70);
  });
});
