import * as Plot from '@observablehq/plot';
import type { Lang } from '../lib/report.ts';
import { chartWords, nameIn } from './chartWords.ts';
import { renderPlot } from './renderPlot.ts';

/** A survey estimate in a domain (a region, say) with its 95% interval and quality letter. */
export type EstimateRow = {
  domain_value: string;
  name_zh: string;
  name_en: string;
  estimate: number | null;
  ci_low: number | null;
  ci_high: number | null;
  quality: string;
};

export type EstimateChartOptions = { locale: Lang; name: string; decimals: number };

/**
 * A survey estimate across domains: a dot per domain, highest first, on its 95% confidence
 * interval (an error bar); cells of quality D are drawn hollow (use with caution), suppressed
 * cells are left out (their table row says why).
 */
export function estimateChart(rows: readonly EstimateRow[], { locale, name, decimals }: EstimateChartOptions): string {
  const data = rows
    .filter((r) => r.estimate !== null)
    .sort((a, b) => (b.estimate ?? 0) - (a.estimate ?? 0) || a.domain_value.localeCompare(b.domain_value));
  const label = (r: EstimateRow) => nameIn(locale, r);
  const top = data[0];
  const bottom = data.at(-1);
  const range = (r: EstimateRow) => `${r.estimate?.toFixed(decimals)} (${r.ci_low?.toFixed(decimals)}–${r.ci_high?.toFixed(decimals)})`;
  const alt =
    top && bottom
      ? locale === 'zh'
        ? `${name}的估计值及95%置信区间：最高${top.name_zh} ${range(top)}，最低${bottom.name_zh} ${range(bottom)}`
        : `${name} estimated, with 95% confidence intervals: highest ${top.name_en} ${range(top)}, lowest ${bottom.name_en} ${range(bottom)}`
      : name;
  return renderPlot(
    {
      width: 640,
      height: 50 + data.length * 15,
      marginLeft: locale === 'zh' ? 90 : 120,
      marginRight: 30,
      x: { label: chartWords[locale].estimateAxis, grid: true, nice: true },
      y: { domain: data.map(label), label: null, tickSize: 0 },
      marks: [
        Plot.ruleY(data, { y: label, x1: 'ci_low', x2: 'ci_high', stroke: '#4269d0', strokeWidth: 1.5 }),
        Plot.dot(data, {
          x: 'estimate',
          y: label,
          r: 3,
          stroke: '#4269d0',
          fill: (r: EstimateRow) => (r.quality === 'D' || r.quality === 'E' ? 'white' : '#4269d0'),
        }),
      ],
    },
    alt,
  );
}
