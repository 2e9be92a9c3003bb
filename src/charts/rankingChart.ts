import * as Plot from '@observablehq/plot';
import type { GroupRow, Lang, RankingRow, UncertaintyRow } from '../lib/report.ts';
import { chartWords, nameIn } from './chartWords.ts';
import { besideEachOther, plotElement, svgString } from './renderPlot.ts';

/** A row of the ranking chart: a region's index in the year, with its rank band where computed. */
export type RankingChartRow = Pick<RankingRow, 'region_code' | 'name_zh' | 'name_en' | 'score' | 'rank'> &
  Partial<Pick<UncertaintyRow, 'rank_p05' | 'rank_median' | 'rank_p95' | 'rank_p05_without_sampling' | 'rank_p95_without_sampling'>> & {
    group?: GroupRow['group'];
  };

/** The colours of the performance groups, darkest for the leaders (the site's legend uses the same). */
export const groupColors: Record<NonNullable<GroupRow['group']>, string> = {
  leader: '#1f4e9c',
  strong: '#4a86d4',
  moderate: '#93bde9',
  emerging: '#c3c9d2',
};

/** regionHref: where a region's bar and label lead (its page); none: not links. */
export type RankingChartOptions = {
  year: number;
  locale: Lang;
  lower?: number;
  upper?: number;
  regionHref?: (regionCode: string) => string;
};

const barHeight = 17;

/**
 * The index ranking of a year as horizontal bars, best first, coloured by performance group
 * where rows carry one; where they carry a rank band (5th-95th percentile over the uncertainty
 * runs), a second panel beside the bars shows it (and, where the bands include the sampling
 * error of survey estimates, the band without it as a thin line inside).
 */
export function rankingChart(
  rows: readonly RankingChartRow[],
  { year, locale, lower = 0, upper = 100, regionHref }: RankingChartOptions,
): string {
  const words = chartWords[locale];
  const ranked = rows
    .filter((r) => r.score !== null && r.rank !== null)
    .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0) || a.region_code.localeCompare(b.region_code));
  const label = (r: RankingChartRow) => `${r.rank}  ${nameIn(locale, r)}`;
  const order = ranked.map(label);
  const height = 45 + ranked.length * barHeight;
  const banded = ranked.some((r) => r.rank_p05 != null && r.rank_p95 != null);
  const alt =
    locale === 'zh'
      ? `${year}年综合指数排名条形图，共${ranked.length}个地区：${ranked
          .slice(0, 3)
          .map((r) => `第${r.rank}名${r.name_zh}（${r.score?.toFixed(1)}）`)
          .join('，')}${ranked.length > 3 ? '……' : ''}`
      : `Bar chart of the index ranking in ${year}, ${ranked.length} regions: ${ranked
          .slice(0, 3)
          .map((r) => `${r.rank}. ${r.name_en} (${r.score?.toFixed(1)})`)
          .join(', ')}${ranked.length > 3 ? ', ...' : ''}`;

  const bars = plotElement(
    {
      width: banded ? 560 : 720,
      height,
      marginLeft: locale === 'zh' ? 120 : 150,
      marginRight: 40,
      marginTop: 10,
      marginBottom: 35,
      x: { domain: [lower, upper], label: `${words.index} →`, grid: true },
      y: { type: 'band', domain: order, label: null, tickSize: 0 },
      marks: [
        Plot.barX(ranked, {
          x1: lower,
          x2: 'score',
          y: label,
          fill: ranked.some((r) => r.group) ? (r: RankingChartRow) => (r.group ? groupColors[r.group] : '#4269d0') : '#4269d0',
          insetTop: 2,
          insetBottom: 2,
          // Each bar leads to its region's page, titled with the region and its index.
          href: regionHref ? (r: RankingChartRow) => regionHref(r.region_code) : undefined,
          title: regionHref ? (r: RankingChartRow) => `${nameIn(locale, r)} ${r.score?.toFixed(1)}` : undefined,
          ariaLabel: regionHref ? (r: RankingChartRow) => `${nameIn(locale, r)} ${r.score?.toFixed(1)}` : undefined,
        }),
        Plot.text(ranked, { x: 'score', y: label, text: (r: RankingChartRow) => r.score?.toFixed(1), textAnchor: 'start', dx: 3 }),
        Plot.ruleX([lower]),
      ],
    },
    alt,
  );
  if (!banded) return svgString(bars);

  const band = plotElement(
    {
      width: 220,
      height,
      marginLeft: 25,
      marginRight: 20,
      marginTop: 10,
      marginBottom: 35,
      x: { domain: [1, Math.max(ranked.length, ...ranked.map((r) => r.rank_p95 ?? 1))], label: words.rankBand, grid: true, ticks: 4 },
      y: { type: 'band', domain: order, axis: null },
      marks: [
        Plot.ruleY(ranked, { x1: 'rank_p05', x2: 'rank_p95', y: label, stroke: '#888', strokeWidth: 3 }),
        // Where the bands include sampling error, the band without it as a thin dark line inside.
        Plot.ruleY(
          ranked.filter((r) => r.rank_p05_without_sampling != null),
          { x1: 'rank_p05_without_sampling', x2: 'rank_p95_without_sampling', y: label, stroke: 'currentColor', strokeWidth: 1 },
        ),
        Plot.dot(ranked, { x: 'rank', y: label, fill: 'currentColor', r: 2.5 }),
      ],
    },
    alt,
  );
  return besideEachOther([bars, band], alt);
}
