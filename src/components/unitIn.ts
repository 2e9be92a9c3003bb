import type { Lang } from '$lib/report';

// The units of framework.csv and variables.csv are written in Chinese, as the yearbooks write
// them; English pages show them in English. Whole units first, then a unit read as
// <numerator>/<denominator> from its parts; a unit not known either way is shown as written.
const whole: Record<string, string> = {
  分: 'points',
  件: 'items',
  项: 'items',
  次: 'times',
  家: 'enterprises',
  人: 'persons',
  人年: 'person-years',
  元: 'yuan',
  万元: '10,000 yuan',
  亿元: '100 million yuan',
  万人: '10,000 people',
  万件: '10,000 items',
  年: 'years',
  比例: 'ratio',
};

const per: Record<string, string> = {
  人: 'person',
  万人: '10,000 people',
  亿元: '100 million yuan',
  万元: '10,000 yuan',
  项: 'contract',
  件: 'item',
  百件: '100 patents',
  千件: '1,000 patents',
  家: 'enterprise',
  百家: '100 enterprises',
  千家: '1,000 enterprises',
  人年: 'person-year',
  万人年: '10,000 person-years',
};

// Counts in the numerator are what the denominator is a rate of: "件/万人" is "per 10,000 people".
const counts = new Set(['件', '项', '次', '家', '人']);

/** A unit as the page's language writes it: the unit itself in Chinese, its English in English. */
export function unitIn(lang: Lang, unit: string): string {
  if (lang === 'zh') return unit;
  const known = whole[unit];
  if (known !== undefined) return known;
  const [top, bottom, ...rest] = unit.split('/');
  if (top === undefined || bottom === undefined || rest.length > 0) return unit;
  const denominator = per[bottom];
  if (denominator === undefined) return unit;
  if (counts.has(top)) return `per ${denominator}`;
  const numerator = whole[top] ?? (/^[\x20-\x7e]+$/.test(top) ? top : undefined);
  return numerator === undefined ? unit : `${numerator} per ${denominator}`;
}
