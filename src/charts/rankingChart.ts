import * as Plot from '@observablehq/plot';
import type { GroupRow, Lang, RankingRow, UncertaintyRow } from '../lib/report.ts';
import { chartWords, nameIn } from './chartWords.ts';
import { besideEachOther, plotElement, renderPlot } from './renderPlot.ts';
import { drawFrame, escapedAttribute, escapedText, type ReusedFrame } from './reusedFrame.ts';

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

/** The ranking's figure: its rows in order, their labels, its text alternative, and the Plot options of its bars (made when asked for). */
export function rankingFigure(rows: readonly RankingChartRow[], { year, locale, lower = 0, upper = 100, regionHref }: RankingChartOptions) {
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

  const grouped = ranked.some((r) => r.group);
  const marginLeft = locale === 'zh' ? 120 : 150;
  const bars = (): Plot.PlotOptions => ({
    width: banded ? 560 : 720,
    height,
    marginLeft,
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
        fill: grouped ? (r: RankingChartRow) => barColor(r) : barColor({}),
        insetTop: 2,
        insetBottom: 2,
        // Each bar leads to its region's page, titled with the region and its index.
        href: regionHref ? (r: RankingChartRow) => regionHref(r.region_code) : undefined,
        title: regionHref ? (r: RankingChartRow) => barTitle(locale, r) : undefined,
        ariaLabel: regionHref ? (r: RankingChartRow) => barTitle(locale, r) : undefined,
      }),
      Plot.text(ranked, { x: 'score', y: label, text: (r: RankingChartRow) => r.score?.toFixed(1), textAnchor: 'start', dx: 3 }),
      Plot.ruleX([lower]),
    ],
  });
  return { ranked, label, order, banded, alt, grouped, marginLeft, height, bars };
}

/**
 * The index ranking of a year as horizontal bars, best first, coloured by performance group
 * where rows carry one; where they carry a rank band (5th-95th percentile over the uncertainty
 * runs), a second panel beside the bars shows it (and, where the bands include the sampling
 * error of survey estimates, the band without it as a thin line inside).
 */
export function rankingChart(rows: readonly RankingChartRow[], options: RankingChartOptions): string {
  const words = chartWords[options.locale];
  const figure = rankingFigure(rows, options);
  const { ranked, label, order, banded, alt, height, bars } = figure;
  if (!banded) return rankingBars(figure, options);

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
  return besideEachOther([plotElement(bars(), alt), band], alt);
}

function barColor(r: Pick<RankingChartRow, 'group'>): string {
  return r.group ? groupColors[r.group] : '#4269d0';
}

function barTitle(locale: Lang, r: RankingChartRow): string {
  return `${nameIn(locale, r)} ${r.score?.toFixed(1)}`;
}

/** The ranking's figure (rankingFigure). */
type RankingFigure = ReturnType<typeof rankingFigure>;

/**
 * A frame of the ranking's bars, its axis of rows cut out (what comes before the rows' labels,
 * and after them), with where its rows lie: the band scale places a row by its position alone.
 */
type BarsFrame = ReusedFrame & { labelsOpen: string; afterLabels: string; bands: number[]; bandwidth: number };

const frames = new Map<string, BarsFrame>();

/**
 * The ranking's bars without rank bands (every year's overview but the latest), laid into a frame
 * Plot drew once. As with the region charts (regionTrendChart.ts), the overviews of a report's
 * years share the frame (the score axis, the number of regions, the words of the language): only
 * the rows' order differs, so the axis of rows is written here too, as Plot writes it. A frame is
 * kept only if laying its own chart's rows into it gives back what Plot drew, so that what Plot
 * writes and what is written here cannot part (test/charts/rankingChart.test.ts also checks them
 * on other charts).
 */
function rankingBars(figure: RankingFigure, options: RankingChartOptions): string {
  const { ranked, grouped, alt } = figure;
  const { locale, lower = 0, upper = 100, regionHref } = options;
  if (ranked.length === 0) return renderPlot(figure.bars(), alt);
  const key = JSON.stringify([locale, lower, upper, ranked.length, grouped, regionHref !== undefined]);
  const frame = frames.get(key);
  if (frame !== undefined) return laidInto(frame, figure, options);
  const { drawn, frame: cut } = drawFrame(
    figure.bars(),
    alt,
    `${barsOpen(grouped)}<${regionHref ? 'a' : 'rect'} `,
    '<g stroke="currentColor"><line',
  );
  const labelsEnd = cut?.axes.indexOf('</g>') ?? -1;
  const bandwidth = cut?.y.bandwidth;
  if (cut !== null && bandwidth !== undefined && cut.axes.startsWith('<g transform="translate(-9,') && labelsEnd > 0) {
    const made = {
      ...cut,
      labelsOpen: cut.axes.slice(0, cut.axes.indexOf('>') + 1),
      afterLabels: cut.axes.slice(labelsEnd),
      bands: [...(cut.y.domain ?? [])].map((label) => cut.y.apply(label) as number),
      bandwidth,
    };
    if (laidInto(made, figure, options) === drawn) frames.set(key, made);
  }
  return drawn;
}

/** The ranking's bars in the frame: the rows' labels, the bars (links to the regions' pages, if any), the scores. */
function laidInto(frame: BarsFrame, { ranked, order, grouped, marginLeft, alt }: RankingFigure, options: RankingChartOptions): string {
  const { locale, lower = 0, regionHref } = options;
  const { bands, bandwidth } = frame;
  const x = (value: number) => frame.x.apply(value) as number;
  const x0 = x(lower);
  const labels = order.map((text, i) => `<text transform="translate(${marginLeft},${bands[i]})" y="0.32em">${escapedText(text)}</text>`);
  // The arithmetic of Plot's barX (insets 2 above and below, none at the sides), for the same numbers.
  const bars = ranked.map((r, i) => {
    const end = x(r.score!);
    const fill = grouped ? `fill="${barColor(r)}" ` : '';
    const rect = `<rect ${fill}height="${Math.max(0, bandwidth - 2 - 2)}" y="${bands[i]! + 2}" width="${Math.max(0, Math.abs(end - x0) - 0 - 0)}" x="${Math.min(x0, end) + 0}"`;
    if (regionHref === undefined) return `${rect} />`;
    const title = barTitle(locale, r);
    return `<a aria-label="${escapedAttribute(title)}" href="${escapedAttribute(regionHref(r.region_code))}" fill="inherit">${rect}><title>${escapedText(title)}</title></rect></a>`;
  });
  const scores = ranked.map((r, i) => `<text transform="translate(${x(r.score!)},${bands[i]})" y="0.32em">${r.score!.toFixed(1)}</text>`);
  return [
    frame.open(alt),
    frame.labelsOpen,
    labels.join(''),
    frame.afterLabels,
    barsOpen(grouped),
    bars.join(''),
    '</g>',
    `<g transform="translate(3,${bandwidth / 2})" text-anchor="start">${scores.join('')}</g>`,
    frame.rest,
  ].join('');
}

/** The group of the bars as Plot opens it: a fill for all, or none when each bar has its group's. */
function barsOpen(grouped: boolean): string {
  return grouped ? '<g>' : `<g fill="${barColor({})}">`;
}
