import * as Plot from '@observablehq/plot';
import type { Lang, NationalRow } from '../lib/report.ts';
import { chartWords } from './chartWords.ts';
import { renderPlot } from './renderPlot.ts';
import { trendFrame } from './trendFrame.ts';

/** narrow: drawn for a phone's screen (trendFrame.ts). */
export type IndicatorTrendOptions = {
  locale: Lang;
  name: string;
  unit: string;
  target?: number | null;
  decimals: number;
  narrow?: boolean;
};

type TrendRow = Pick<NationalRow, 'year' | 'value_min' | 'value_p25' | 'value_median' | 'value_p75' | 'value_max'>;

/** One indicator over the years across the regions: the median, inside the interquartile range and the full range. */
export function indicatorTrendChart(
  rows: readonly TrendRow[],
  { locale, name, unit, target = null, decimals, narrow = false }: IndicatorTrendOptions,
): string {
  const words = chartWords[locale];
  const data = rows.filter((r) => r.value_median !== null).sort((a, b) => a.year - b.year);
  const first = data[0];
  const last = data.at(-1);
  const alt =
    first && last
      ? locale === 'zh'
        ? `${first.year}–${last.year}年各地区${name}的中位数折线图（${unit}）：由${first.value_median?.toFixed(decimals)}变为${last.value_median?.toFixed(decimals)}；深色带为四分位区间，浅色带为最小至最大`
        : `Line chart of the median of ${name} across regions, ${first.year}–${last.year} (${unit}): from ${first.value_median?.toFixed(decimals)} to ${last.value_median?.toFixed(decimals)}; dark band: interquartile range, light band: min to max`
      : name;
  const frame = trendFrame(data.length, narrow, 100);
  return renderPlot(
    {
      width: frame.width,
      height: 260,
      marginLeft: 50,
      marginRight: frame.marginRight,
      x: { label: null, tickFormat: 'd', ticks: frame.ticks },
      y: { label: `↑ ${unit}`, grid: true, nice: true },
      marks: [
        Plot.areaY(data, { x: 'year', y1: 'value_min', y2: 'value_max', fill: '#4269d0', fillOpacity: 0.12 }),
        Plot.areaY(data, { x: 'year', y1: 'value_p25', y2: 'value_p75', fill: '#4269d0', fillOpacity: 0.3 }),
        Plot.lineY(data, { x: 'year', y: 'value_median', stroke: '#4269d0', strokeWidth: 2, marker: 'circle' }),
        Plot.text(data.slice(-1), { x: 'year', y: 'value_median', text: () => words.median, textAnchor: 'start', dx: 8 }),
        ...(target === null
          ? []
          : [
              Plot.ruleY([target], { stroke: '#d62728', strokeDasharray: '4 3' }),
              Plot.text([target], {
                y: (d: number) => d,
                text: () => `${words.target} ${target}`,
                frameAnchor: 'right',
                textAnchor: 'start',
                dx: 8,
                fill: '#d62728',
              }),
            ]),
      ],
    },
    alt,
  );
}
