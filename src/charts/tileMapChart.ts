import * as Plot from '@observablehq/plot';
import type { Lang, RankingRow } from '../lib/report.ts';
import { nameIn } from './chartWords.ts';
import { provinceTiles } from './provinceTiles.ts';
import { renderPlot } from './renderPlot.ts';

export type TileMapOptions = {
  year: number;
  locale: Lang;
  /** Where region pages are from the page the map is on, e.g. `../`; tiles link to them. */
  regionHref?: (regionCode: string) => string;
  lower?: number;
  upper?: number;
  /** What the shade measures, for the text alternative; the index unless given. */
  measure?: { zh: string; en: string };
};

const tile = 46;

/**
 * The provinces as a tile grid, each square shaded by its index score and labelled with its
 * abbreviation and rank. Regions without a tile (not provinces) are left off.
 */
export function tileMapChart(
  rows: readonly Pick<RankingRow, 'region_code' | 'name_zh' | 'name_en' | 'score' | 'rank'>[],
  { year, locale, regionHref, lower = 0, upper = 100, measure }: TileMapOptions,
): string {
  const tiles = rows.flatMap((r) => {
    const place = provinceTiles[r.region_code];
    return place === undefined ? [] : [{ ...r, ...place, abbr: place[locale] }];
  });
  const cols = Math.max(...Object.values(provinceTiles).map((t) => t.col)) + 1;
  const rowsN = Math.max(...Object.values(provinceTiles).map((t) => t.row)) + 1;
  const dark = (score: number | null) => score !== null && (score - lower) / (upper - lower) > 0.55;
  const title = (r: (typeof tiles)[number]) =>
    `${nameIn(locale, r)}: ${r.score === null ? '–' : r.score.toFixed(1)}${r.rank === null ? '' : locale === 'zh' ? `，第${r.rank}名` : `, rank ${r.rank}`}`;
  const alt =
    locale === 'zh'
      ? `${year}年各省${measure?.zh ?? '综合指数'}方格地图，每个方格为一个省级地区，颜色越深${measure === undefined ? '指数' : '数值'}越高`
      : `Tile map of the provinces' ${measure?.en ?? 'index'} in ${year}: one square per province, darker is higher`;
  return renderPlot(
    {
      width: cols * tile,
      height: rowsN * tile,
      margin: 0,
      x: { type: 'band', domain: Array.from({ length: cols }, (_, i) => i), axis: null, padding: 0 },
      y: { type: 'band', domain: Array.from({ length: rowsN }, (_, i) => i), axis: null, padding: 0 },
      color: { type: 'linear', scheme: 'blues', domain: [lower, upper] },
      marks: [
        Plot.cell(tiles, {
          x: 'col',
          y: 'row',
          fill: (r) => r.score ?? undefined,
          stroke: 'currentColor',
          strokeOpacity: 0.25,
          inset: 1.5,
          href: regionHref ? (r) => regionHref(r.region_code) : undefined,
          ariaLabel: title,
          title,
        }),
        ...[true, false].map((onDark) =>
          Plot.text(
            tiles.filter((r) => dark(r.score) === onDark),
            {
              x: 'col',
              y: 'row',
              text: (r) => `${r.abbr}\n${r.rank ?? '–'}`,
              fill: onDark ? 'white' : 'black',
              fontSize: 12,
              lineHeight: 1.2,
              pointerEvents: 'none',
              ariaHidden: 'true',
            },
          ),
        ),
      ],
    },
    alt,
  );
}
