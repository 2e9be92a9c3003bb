import { describe, expect, test } from 'vitest';
import { dimensionChart, dimensionFigure, type DimensionChartOptions, type DimensionRow } from '../../src/charts/dimensionChart.ts';
import { renderPlot } from '../../src/charts/renderPlot.ts';
import { seededRandom } from '../../src/sample/seededRandom.ts';

// dimensionChart draws the frame once with Plot and lays each later region's bars into it;
// what it writes must be what Plot writes for that region, character for character.
const random = seededRandom(12, 'dimension charts').uniform;

const dimensions = [
  { code: 'input', name_zh: '创新投入', name_en: 'Innovation input (R&D)' },
  { code: 'creation', name_zh: '知识产权创造', name_en: 'IP creation' },
  { code: 'utilization', name_zh: '知识产权运用', name_en: 'IP utilization <"transfer">' },
  { code: 'finance', name_zh: '知识产权金融', name_en: 'IP finance' },
  { code: 'protection', name_zh: '知识产权保护', name_en: 'IP protection' },
];

function regionRows(count: number, lower: number, upper: number): DimensionRow[] {
  return dimensions.slice(0, count).map((d) => ({
    ...d,
    score: random() < 0.1 ? lower : random() < 0.1 ? upper : lower + Math.round(random() * (upper - lower) * 1e5) / 1e5,
    national: lower + random() * (upper - lower),
  }));
}

const plotted = (rows: readonly DimensionRow[], options: DimensionChartOptions) => {
  const figure = dimensionFigure(rows, options);
  return renderPlot(figure.plot(), figure.alt);
};

describe('a dimension chart laid into a frame drawn once', () => {
  const cases: { label: string; count: number; options: Omit<DimensionChartOptions, 'name'> }[] = [
    { label: 'five dimensions, zh', count: 5, options: { locale: 'zh', year: 2024 } },
    { label: 'three dimensions, en, scores from 20 to 80', count: 3, options: { locale: 'en', year: 2020, lower: 20, upper: 80 } },
  ];
  for (const { label, count, options } of cases) {
    test(`is what Plot draws: ${label}`, () => {
      const { lower = 0, upper = 100 } = options;
      dimensionChart(regionRows(count, lower, upper), { ...options, name: 'first <"seed">' });
      for (let k = 0; k < 40; k++) {
        const rows = regionRows(count, lower, upper);
        const region = { ...options, name: k % 2 === 0 ? '北京市' : 'A & B <"C">' };
        expect(dimensionChart(rows, region)).toBe(plotted(rows, region));
      }
    });
  }

  test('a chart with a dimension unscored or without a mean is drawn by Plot in full', () => {
    const rows = regionRows(4, 0, 100);
    rows[1]!.score = null;
    rows[2]!.national = null;
    const options = { locale: 'zh' as const, year: 2024, name: '上海市' };
    expect(dimensionChart(rows, options)).toBe(plotted(rows, options));
  });
});
