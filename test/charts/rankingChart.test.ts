import { describe, expect, test, vi } from 'vitest';
import { rankingChart, rankingFigure, type RankingChartOptions, type RankingChartRow } from '../../src/charts/rankingChart.ts';
import { renderPlot } from '../../src/charts/renderPlot.ts';
import { seededRandom } from '../../src/sample/seededRandom.ts';

// Counts the charts Plot draws for rankingChart (through drawFrame, which imports plotElement);
// renderPlot, below, draws the expected charts with the module's own plotElement.
const drawn = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/charts/renderPlot.ts', async (original) => {
  const actual = await original<typeof import('../../src/charts/renderPlot.ts')>();
  return {
    ...actual,
    plotElement: (...args: Parameters<typeof actual.plotElement>) => {
      drawn.count++;
      return actual.plotElement(...args);
    },
  };
});

// rankingChart draws the bars of a ranking without rank bands into a frame Plot drew once, for
// every year but the latest; what it writes must be what Plot writes for that year's ranking,
// character for character.
const random = seededRandom(18, 'ranking charts').uniform;
const groups = ['leader', 'strong', 'moderate', 'emerging'] as const;

function ranking(count: number, lower: number, upper: number, grouping: 'all' | 'some' | 'none'): RankingChartRow[] {
  const rows = Array.from({ length: count }, (_, i) => ({
    region_code: String(110000 + i * 100),
    name_zh: i === 3 ? '<b>甲 & 乙</b>' : `地区${i}`,
    name_en: i === 3 ? 'A & "B" <C>' : `Region ${i}`,
    // Scores at the ends of the domain, repeated, and with many digits.
    score: random() < 0.1 ? lower : random() < 0.1 ? upper : lower + Math.round(random() * (upper - lower) * 1e6) / 1e6,
    rank: 0,
    ...(grouping === 'all' || (grouping === 'some' && i % 2 === 0) ? { group: groups[i % 4] } : {}),
  }));
  // Ranks as the composite gives them: 1 the highest, ties sharing the lower number.
  const sorted = [...rows].sort((a, b) => b.score - a.score);
  for (const row of rows) row.rank = 1 + sorted.findIndex((r) => r.score === row.score);
  return rows;
}

const plotted = (rows: readonly RankingChartRow[], options: RankingChartOptions) => {
  const figure = rankingFigure(rows, options);
  return renderPlot(figure.bars(), figure.alt);
};

describe('the bars of a ranking laid into a frame drawn once', () => {
  const cases: { label: string; count: number; grouping: 'all' | 'some' | 'none'; options: Omit<RankingChartOptions, 'year'> }[] = [
    {
      label: '31 regions in groups, zh, linked',
      count: 31,
      grouping: 'all',
      options: { locale: 'zh', regionHref: (c) => `../region/${c}/?a="1"&b` },
    },
    {
      label: '12 regions, some in groups, en, scores from 20 to 80',
      count: 12,
      grouping: 'some',
      options: { locale: 'en', lower: 20, upper: 80 },
    },
    { label: '7 regions, no groups, en, linked', count: 7, grouping: 'none', options: { locale: 'en', regionHref: (c) => `region/${c}/` } },
  ];
  for (const { label, count, grouping, options } of cases) {
    test(`is what Plot draws, and Plot draws it once: ${label}`, () => {
      const { lower = 0, upper = 100 } = options;
      drawn.count = 0;
      rankingChart(ranking(count, lower, upper, grouping), { ...options, year: 2005 });
      expect(drawn.count).toBe(1);
      drawn.count = 0;
      for (let year = 2006; year < 2026; year++) {
        const rows = ranking(count, lower, upper, grouping);
        const chart = rankingChart(rows, { ...options, year });
        expect(chart).toBe(plotted(rows, { ...options, year }));
      }
      expect(drawn.count).toBe(0);
    });
  }

  test('a ranking of another number of regions has a frame of its own', () => {
    const options = { locale: 'zh' as const };
    rankingChart(ranking(5, 0, 100, 'all'), { ...options, year: 2020 });
    const rows = ranking(6, 0, 100, 'all');
    expect(rankingChart(rows, { ...options, year: 2021 })).toBe(plotted(rows, { ...options, year: 2021 }));
  });
});
