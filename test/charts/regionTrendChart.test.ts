import { describe, expect, test } from 'vitest';
import { plotElement, svgString } from '../../src/charts/renderPlot.ts';
import { regionTrendChart, regionTrendFigure, type RegionTrendOptions, type RegionTrendRow } from '../../src/charts/regionTrendChart.ts';
import { seededRandom } from '../../src/sample/seededRandom.ts';

// regionTrendChart draws the frame once with Plot and lays each later region's marks into it;
// what it writes must be what Plot writes for that region, character for character.
const random = seededRandom(11, 'region trend charts').uniform;

function regionRows(years: readonly number[], national: readonly number[], gaps: boolean): RegionTrendRow[] {
  return years.map((year, i) => {
    const missing = gaps && random() < 0.25;
    return {
      year,
      score: missing ? null : Math.round(random() * 1e6) / 1e4 + (random() < 0.1 ? 0.0005 : 0),
      rank: missing ? null : 1 + Math.floor(random() * 337),
      national: national[i]!,
    };
  });
}

const plotted = (rows: readonly RegionTrendRow[], options: RegionTrendOptions) => {
  const figure = regionTrendFigure(rows, options);
  return svgString(plotElement(figure.plot(), figure.alt));
};

describe('a region trend chart laid into a frame drawn once', () => {
  const cases: { label: string; years: number[]; options: Omit<RegionTrendOptions, 'name'> }[] = [
    { label: '11 years, zh', years: Array.from({ length: 11 }, (_, i) => 2014 + i), options: { locale: 'zh' } },
    { label: '20 years, en, narrow', years: Array.from({ length: 20 }, (_, i) => 2005 + i), options: { locale: 'en', narrow: true } },
    {
      label: '7 years, zh, narrow, scores from 20 to 80',
      years: Array.from({ length: 7 }, (_, i) => 2018 + i),
      options: { locale: 'zh', narrow: true, lower: 20, upper: 80 },
    },
    { label: '3 years, en', years: [2022, 2023, 2024], options: { locale: 'en' } },
  ];
  for (const { label, years, options } of cases) {
    test(`is what Plot draws: ${label}`, () => {
      const national = years.map(() => 20 + random() * 40);
      // The first region draws the frame; the next ones, with gaps, lone points and names to escape, reuse it.
      regionTrendChart(regionRows(years, national, false), { ...options, name: 'first <"seed">' });
      const names = ['北京市', 'A & B <"C"> \'D\'', 'Inner Mongolia', '新疆维吾尔自治区'];
      for (let k = 0; k < 40; k++) {
        const rows = regionRows(years, national, k % 2 === 1);
        if (k === 3) for (const [i, row] of rows.entries()) if (i !== 1) Object.assign(row, { score: null, rank: null });
        const region = { ...options, name: names[k % names.length]! };
        expect(regionTrendChart(rows, region)).toBe(plotted(rows, region));
      }
    });
  }

  test('a chart without a mean in some year, or without scores, is drawn by Plot in full', () => {
    const years = [2022, 2023, 2024];
    const rows = years.map((year, i) => ({ year, score: i === 0 ? null : 50 + i, rank: 2, national: i === 2 ? null : 40 }));
    expect(regionTrendChart(rows, { locale: 'zh', name: '上海市' })).toBe(plotted(rows, { locale: 'zh', name: '上海市' }));
    const unscored = years.map((year) => ({ year, score: null, rank: null, national: 40 }));
    expect(regionTrendChart(unscored, { locale: 'en', name: 'Tibet' })).toBe(plotted(unscored, { locale: 'en', name: 'Tibet' }));
  });
});
