import type { Lang } from '../lib/report.ts';

// Decimals fixed per unit, so that a column of one indicator lines up; other units are given
// enough decimals for three significant digits of their typical (median) value.
const unitDecimals: Record<string, number> = {
  分: 1,
  '%': 2,
  '‰': 2,
  '件/万人': 2,
  '件/亿元': 2,
  '次/百件': 2,
  '件/千件': 1,
  '人年/万人': 1,
  '万元/项': 1,
  '万元/万人年': 1,
  '件/万人年': 1,
  万元: 1,
  亿元: 1,
  万人: 2,
  件: 0,
  人: 0,
  人年: 0,
  项: 0,
  次: 0,
};

/** The decimals a unit is printed with; `typical` (e.g. the median) decides for units not listed. */
export function decimalsForUnit(unit: string, typical: number | null = null): number {
  const fixed = unitDecimals[unit];
  if (fixed !== undefined) return fixed;
  const size = Math.abs(typical ?? 0);
  if (size >= 1000) return 0;
  if (size >= 100) return 1;
  if (size >= 1) return 2;
  return 3;
}

const formats = new Map<string, Intl.NumberFormat>();

/** A number for the page's language: thousands separators, `decimals` fixed; missing is a dash. */
export function formatNumber(value: number | null | undefined, lang: Lang, decimals: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  const key = `${lang}:${decimals}`;
  let format = formats.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    formats.set(key, format);
  }
  // -0.0 would print as "-0.0"; a negative number takes the minus sign (−), not a hyphen.
  return format
    .format(value === 0 ? 0 : value)
    .replace(/^-(0[.,]?0*)$/, '$1')
    .replace(/^-/, '−');
}

/** A change of rank as an arrow and the places moved (up is better); no previous rank is a dash. */
export function formatRankChange(change: number | null | undefined): string {
  if (change === null || change === undefined) return '–';
  if (change === 0) return '0';
  return change > 0 ? `↑${change}` : `↓${-change}`;
}

/** A signed change with fixed decimals (+1.23, −0.50), for changes of a value since last year. */
export function formatChange(value: number | null | undefined, lang: Lang, decimals: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  const text = formatNumber(Math.abs(value), lang, decimals);
  if (/^[0.,]+$/.test(text)) return text;
  return `${value > 0 ? '+' : '−'}${text}`;
}

/** A rank band as the tables show it: "3–7", or a dash where no band was computed. */
export function formatBand(low: number | null | undefined, high: number | null | undefined): string {
  return low == null || high == null ? '–' : `${low}–${high}`;
}
