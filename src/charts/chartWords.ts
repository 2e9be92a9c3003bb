import type { Lang } from '../lib/report.ts';

/** The words charts print (axis labels, notes), in each language of the report. */
export const chartWords = {
  zh: {
    score: '得分',
    index: '指数',
    rank: '排名',
    rankBand: '排名区间（5%–95%）',
    year: '年份',
    mean: '各地区平均',
    median: '中位数',
    interval95: '95%置信区间',
    range: '最小–最大',
    quartiles: '四分位区间',
    target: '目标',
    regions: '地区',
    estimateAxis: '估计值及95%置信区间 →',
  },
  en: {
    score: 'Score',
    index: 'Index',
    rank: 'Rank',
    rankBand: 'Rank band (5th–95th percentile)',
    year: 'Year',
    mean: 'Mean of regions',
    median: 'Median',
    interval95: '95% confidence interval',
    range: 'Min–max',
    quartiles: 'Interquartile range',
    target: 'Target',
    regions: 'Regions',
    estimateAxis: 'estimate and 95% confidence interval →',
  },
} satisfies Record<Lang, Record<string, string>>;

/** A region's name in the language of a chart. */
export function nameIn(locale: Lang, row: { name_zh: string; name_en: string }): string {
  return locale === 'zh' ? row.name_zh : row.name_en;
}
