import * as Plot from '@observablehq/plot';
import type { Lang } from '../lib/report.ts';
import { renderPlot } from './renderPlot.ts';

/** The nation's institutions in a year: income received (万元) and contracts. */
export type TransferYear = { year: number; income: number | null; contracts: number | null };

/**
 * IP transfer of universities and research institutes over the years, nationally: the income
 * received in the year (bars, 万元) summed over the reports received.
 */
export function transferTrendChart(rows: readonly TransferYear[], locale: Lang): string {
  const words = locale === 'zh' ? { income: '转化到账收入（万元）' } : { income: 'Income received (10,000 yuan)' };
  const last = rows.at(-1);
  const alt =
    last === undefined
      ? words.income
      : locale === 'zh'
        ? `全国高校和科研机构知识产权转化到账收入柱状图，${rows[0]?.year}–${last.year}年：${last.year}年${Math.round(last.income ?? 0)}万元，合同${last.contracts ?? '–'}项`
        : `Bar chart of the transfer income of universities and institutes nationally, ${rows[0]?.year}-${last.year}: ${Math.round(last.income ?? 0)} (10,000 yuan) in ${last.year}, ${last.contracts ?? '–'} contracts`;
  return renderPlot(
    {
      width: 640,
      height: 280,
      marginLeft: 70,
      x: { label: null, tickFormat: 'd', type: 'band', padding: 0.3 },
      y: { label: words.income, grid: true, nice: true, zero: true },
      marks: [Plot.barY(rows, { x: 'year', y: 'income', fill: '#1f4e9c' }), Plot.ruleY([0])],
    },
    alt,
  );
}
