import * as Plot from '@observablehq/plot';
import type { Lang } from '../lib/report.ts';
import { chartWords, nameIn } from './chartWords.ts';
import { renderPlot } from './renderPlot.ts';

/** A region's value of one indicator, with its 95% interval where it rests on a survey estimate. */
export type DistributionRow = {
  region_code: string;
  name_zh: string;
  name_en: string;
  value: number | null;
  ci_low?: number | null;
  ci_high?: number | null;
};

export type DistributionOptions = {
  locale: Lang;
  year: number;
  /** The indicator's name and unit, for the text alternative and the axis. */
  name: string;
  unit: string;
  median: number | null;
  target?: number | null;
  decimals: number;
};

/**
 * One indicator across the regions in a year: a bar per region, highest first, with the median
 * (and the target, if any); a value resting on a survey estimate carries its 95% confidence
 * interval as an error bar.
 */
export function distributionChart(
  rows: readonly DistributionRow[],
  { locale, year, name, unit, median, target = null, decimals }: DistributionOptions,
): string {
  const words = chartWords[locale];
  const data = rows
    .filter((r) => r.value !== null)
    .sort((a, b) => (b.value ?? 0) - (a.value ?? 0) || a.region_code.localeCompare(b.region_code));
  const label = (r: DistributionRow) => nameIn(locale, r);
  const top = data[0];
  const bottom = data.at(-1);
  const alt =
    top && bottom
      ? locale === 'zh'
        ? `${year}年各地区${name}条形图（${unit}）：最高${top.name_zh}${top.value?.toFixed(decimals)}，最低${bottom.name_zh}${bottom.value?.toFixed(decimals)}，中位数${median?.toFixed(decimals) ?? '–'}`
        : `Bar chart of ${name} by region in ${year} (${unit}): highest ${top.name_en} ${top.value?.toFixed(decimals)}, lowest ${bottom.name_en} ${bottom.value?.toFixed(decimals)}, median ${median?.toFixed(decimals) ?? '–'}`
      : name;
  const intervals = data.filter((r) => r.ci_low != null && r.ci_high != null);
  const described =
    intervals.length === 0
      ? alt
      : `${alt}${locale === 'zh' ? `；${intervals.length}个地区的数值依据抽样调查估计，误差线为95%置信区间` : `; ${intervals.length} values rest on survey estimates, with error bars for their 95% confidence intervals`}`;
  const end = (r: DistributionRow) => Math.max(r.value ?? 0, r.ci_high ?? -Infinity);
  const references = [
    ...(median === null ? [] : [{ value: median, text: `${words.median} ${median.toFixed(decimals)}` }]),
    ...(target === null ? [] : [{ value: target, text: `${words.target} ${target}` }]),
  ];
  const low = Math.min(0, ...data.map((r) => r.value ?? 0));
  return renderPlot(
    {
      width: 640,
      height: 50 + data.length * 15,
      marginLeft: locale === 'zh' ? 90 : 120,
      marginRight: 50,
      marginTop: 34,
      x: { label: `${unit} →`, grid: true, nice: true },
      y: { domain: data.map(label), label: null, tickSize: 0 },
      marks: [
        Plot.barX(data, { x1: low, x2: 'value', y: label, fill: '#4269d0', insetTop: 2, insetBottom: 2 }),
        Plot.ruleY(intervals, {
          x1: 'ci_low',
          x2: 'ci_high',
          y: label,
          stroke: '#222',
          strokeWidth: 1,
          // Each bar says what it shows, to a screen reader and as a tooltip.
          title: (r: DistributionRow) =>
            `${label(r)} ${r.value?.toFixed(decimals)} (${words.interval95} ${r.ci_low?.toFixed(decimals)}–${r.ci_high?.toFixed(decimals)})`,
        }),
        Plot.tickX(intervals, { x: 'ci_low', y: label, stroke: '#222', inset: 4 }),
        Plot.tickX(intervals, { x: 'ci_high', y: label, stroke: '#222', inset: 4 }),
        Plot.text(data, {
          x: end,
          y: label,
          text: (r: DistributionRow) => r.value?.toFixed(decimals),
          textAnchor: 'start',
          dx: 3,
          fontSize: 11,
        }),
        Plot.ruleX(references, { x: 'value', stroke: '#d62728', strokeDasharray: '4 3' }),
        // Median and target may lie close together: their labels go on two lines.
        ...references.map((reference, i) =>
          Plot.text([reference], { x: 'value', text: 'text', frameAnchor: 'top', dy: -22 + 11 * i, fill: '#d62728' }),
        ),
        Plot.ruleX([low]),
      ],
    },
    described,
  );
}
