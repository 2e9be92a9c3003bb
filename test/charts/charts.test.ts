import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import {
  compareTrendChart,
  dimensionChart,
  distributionChart,
  indicatorTrendChart,
  nationalTrendChart,
  rankingChart,
  regionTrendChart,
  tileMapChart,
} from '../../src/charts/index.ts';
import { matchSnapshot } from './snapshot.ts';

// Five regions with round scores, one of them named to break out of markup if it could.
const hostile = '<img src=x onerror=alert(1)>';
const ranking = [
  { region_code: '110000', name_zh: '北京市', name_en: 'Beijing', score: 80, rank: 1 },
  { region_code: '310000', name_zh: '上海市', name_en: 'Shanghai', score: 60, rank: 2 },
  { region_code: '440000', name_zh: '广东省', name_en: 'Guangdong', score: 55.5, rank: 3 },
  { region_code: '540000', name_zh: hostile, name_en: `"${hostile}`, score: 20, rank: 5 },
  { region_code: '650000', name_zh: '新疆维吾尔自治区', name_en: 'Xinjiang', score: 30.25, rank: 4 },
];
const years = [2020, 2021, 2022];

const charts: Record<string, () => string> = {
  ranking: () => rankingChart(ranking, { year: 2022, locale: 'zh' }),
  'ranking-band-groups-en': () =>
    rankingChart(
      ranking.map((r) => ({
        ...r,
        rank_p05: Math.max(1, r.rank - 1),
        rank_median: r.rank,
        rank_p95: Math.min(5, r.rank + 1),
        group: r.score > 70 ? ('leader' as const) : ('moderate' as const),
      })),
      { year: 2022, locale: 'en' },
    ),
  'tile-map': () => tileMapChart(ranking, { year: 2022, locale: 'zh', regionHref: (code) => `region/${code}/` }),
  'national-trend': () =>
    nationalTrendChart(
      years.map((year, i) => ({ year, score_mean: 40 + i, score_min: 10, score_max: 90 - i })),
      { locale: 'zh' },
    ),
  'region-trend-en': () =>
    regionTrendChart(
      years.map((year, i) => ({ year, score: 50 + 5 * i, rank: 3 - i, national: 40 })),
      { locale: 'en', name: 'Guangdong' },
    ),
  dimensions: () =>
    dimensionChart(
      [
        { code: 'input', name_zh: '创新投入', name_en: 'Input', score: 70, national: 50 },
        { code: 'output', name_zh: '产出', name_en: 'Output', score: null, national: 45 },
      ],
      { locale: 'zh', year: 2022, name: '广东省' },
    ),
  distribution: () =>
    distributionChart(
      ranking.map((r) => ({ ...r, value: r.score / 10 })),
      { locale: 'zh', year: 2022, name: '每万人口高价值发明专利拥有量', unit: '件/万人', median: 5.55, target: 12, decimals: 2 },
    ),
  'indicator-trend-en': () =>
    indicatorTrendChart(
      years.map((year, i) => ({ year, value_min: 1 + i, value_p25: 2 + i, value_median: 3 + i, value_p75: 4 + i, value_max: 8 + i })),
      { locale: 'en', name: 'High-value patents', unit: '件/万人', target: 12, decimals: 2 },
    ),
  'compare-trend': () =>
    compareTrendChart(
      ranking.flatMap((r) => years.map((year, i) => ({ ...r, year, score: r.score + i }))),
      { locale: 'zh' },
    ),
};

describe('charts render to SVG at build time', () => {
  for (const [name, draw] of Object.entries(charts)) {
    test(`${name} matches test/output/charts/${name}.svg`, async () => {
      const svg = draw();
      expect(svg.startsWith('<svg')).toBe(true);
      expect(svg).toMatch(/ aria-label="[^"]+"/);
      // Plot's inline <style> is removed: the site's stylesheet sizes charts.
      expect(svg).not.toContain('<style');
      const { matches, path } = await matchSnapshot(name, svg);
      expect(matches, `${path} differs: see the -changed.svg beside it`).toBe(true);
    });
  }

  test('names from the data are text in the SVG, never markup', () => {
    for (const draw of [
      charts.ranking!,
      charts['ranking-band-groups-en']!,
      charts['tile-map']!,
      charts.distribution!,
      charts['compare-trend']!,
    ]) {
      const { document } = parseHTML(`<!doctype html><html><body>${draw()}</body></html>`);
      expect(document.querySelectorAll('img')).toHaveLength(0);
      expect(document.body.textContent).toContain(hostile);
    }
    // In an attribute, the quote that would end it is escaped.
    expect(charts['tile-map']!()).toContain(
      'aria-label="&lt;img src=x onerror=alert(1)&gt;: 20.0'.replace('&lt;', '<').replace('&gt;', '>'),
    );
    expect(tileMapChart(ranking, { year: 2022, locale: 'en', regionHref: (code) => code })).toContain(
      'aria-label="&quot;<img src=x onerror=alert(1)>: 20.0, rank 5"',
    );
  });

  test('a chart is the same string whatever was drawn before it, its ids its own', () => {
    const first = charts['national-trend']!();
    for (const draw of Object.values(charts)) draw();
    const again = charts['national-trend']!();
    expect(again).toBe(first);
    // One marker, referred to three times: its id is numbered 1 and tagged with the chart's hash.
    const ids = new Set(first.match(/plot-marker-[\w-]+/g));
    expect([...ids]).toHaveLength(1);
    expect([...ids][0]).toMatch(/^plot-marker-[0-9a-f]{8}-1$/);
    // Another chart with a marker tags its ids differently, so both can sit on one page.
    const other = new Set(charts['indicator-trend-en']!().match(/plot-marker-[\w-]+/g));
    expect([...other]).toHaveLength(1);
    expect([...other][0]).not.toBe([...ids][0]);
  });

  test('the ranking chart orders regions by rank and labels each bar with its score', () => {
    const svg = rankingChart(ranking, { year: 2022, locale: 'en' });
    const labels = [...svg.matchAll(/<text[^>]*>(\d {2}[^<]+)<\/text>/g)].map((m) => m[1]);
    expect(labels).toEqual(['1  Beijing', '2  Shanghai', '3  Guangdong', '4  Xinjiang', '5  "&lt;img src=x onerror=alert(1)&gt;']);
    expect([...svg.matchAll(/>(\d+\.\d)<\/text>/g)].map((m) => m[1])).toEqual(['80.0', '60.0', '55.5', '30.3', '20.0']);
  });

  test('the tile map puts each province in its square and links it to its page', () => {
    const svg = tileMapChart(ranking, { year: 2022, locale: 'en', regionHref: (code) => `../region/${code}/` });
    expect(svg).toMatch(/<a aria-label="Beijing: 80.0, rank 1" href="..\/region\/110000\/"/);
    expect(svg).toContain('aria-label="Beijing: 80.0, rank 1"');
    expect(svg).toContain('role="group"');
    // Five tiles: 7 columns x 8 rows of 46 px.
    expect(svg).toContain('viewBox="0 0 322 368"');
    expect(svg.match(/<rect /g)).toHaveLength(5);
  });
});
