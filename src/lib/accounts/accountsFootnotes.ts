import type { AccountsData, AccountsParameters, Bilingual } from './AccountsReport.ts';
import { accountsIndex, unitName } from './accountsIndex.ts';

// The footnotes of the accounts tables: how each cell was computed, what a series leaves out,
// and whether the regions add up to the nation.

const percent = (x: number, digits = 1) => `${(x * 100).toFixed(digits)}%`;

/** Method, parameters and price basis, stated so that a statistician can recompute a cell. */
export function methodNotes(data: AccountsData, code: string | null): { text: Bilingual }[] {
  const p = data.parameters;
  const initial = code === null ? undefined : accountsIndex(data).initial.get(code);
  const d = code === null ? p.depreciation : (p.depreciationByRegion[code] ?? p.depreciation);
  const byRegion = Object.keys(p.depreciationByRegion).length > 0 && code === null;
  const growth = initial === undefined
    ? { zh: `g为序列前${p.growthYears}年实际固定资本形成的几何平均增长率`, en: `g the geometric mean real growth of GFCF over the first ${p.growthYears} years of the series` }
    : initial.growth_years === 0
      ? { zh: `序列仅一年，g取0`, en: 'g = 0, the series having a single year' }
      : { zh: `g为${initial.first_year}–${initial.first_year + initial.growth_years}年实际固定资本形成的几何平均增长率（${percent(initial.growth, 2)}）`, en: `g = ${percent(initial.growth, 2)}, the geometric mean real growth of GFCF over ${initial.first_year}–${initial.first_year + initial.growth_years}` };
  const ocv = p.otherVolumeChanges === null
    ? { zh: '资产物量其他变化无资料，记为0', en: 'other changes in volume: no data, recorded as zero' }
    : { zh: `资产物量其他变化取自变量${p.otherVolumeChanges}`, en: `other changes in volume from the variable ${p.otherVolumeChanges}` };
  return [
    { text: {
      zh: `按SNA 2008，R&D支出作为知识产权产品固定资本形成记录（我国自2016年起）。固定资本形成 = R&D经费内部支出 × 资本化比例${p.capitalisationShare}；永续盘存法 Kₜ = (1 − d)Kₜ₋₁ + Iₜ，固定资本消耗 = d × 期初存量，折旧率 d = ${d}${byRegion ? '（部分地区另定）' : ''}；首年期初存量 = I₀/(g + d)，${growth.zh}。`,
      en: `Following SNA 2008, R&D is recorded as gross fixed capital formation in intellectual property products (in China since 2016). GFCF = intramural R&D expenditure × capitalisation share ${p.capitalisationShare}; perpetual inventory Kₜ = (1 − d)Kₜ₋₁ + Iₜ, consumption of fixed capital = d × opening stock, d = ${d}${byRegion ? ' (some regions differ)' : ''}; the first opening stock is I₀/(g + d), ${growth.en}.`,
    } },
    { text: {
      zh: `不变价为${p.baseYear}年价格，以${p.priceIndex.name_zh}（${p.priceIndex.variable}）换算为${p.baseYear}=100后缩减；现价存量 = 不变价存量 × Pₜ/100；重估价 = 不变价期初存量 × (Pₜ − Pₜ₋₁)/100，首年为0；${ocv.zh}。期末存量 = 期初存量 + 固定资本形成 − 固定资本消耗 + 其他物量变化 + 重估价。`,
      en: `Constant prices are ${p.baseYear} prices, deflated by ${p.priceIndex.name_en} (${p.priceIndex.variable}) rebased to ${p.baseYear} = 100; closing stock at current prices = constant-price stock × Pₜ/100; revaluation = constant-price opening stock × (Pₜ − Pₜ₋₁)/100, zero in the first year; ${ocv.en}. Closing = opening + GFCF − CFC + other changes in volume + revaluation.`,
    } },
  ];
}

/** The years a unit's accounts leave out, and why, one note per unit. */
export function breakNotes(data: AccountsData, codes: readonly string[]): { code: string; text: Bilingual }[] {
  const notes: { code: string; text: Bilingual }[] = [];
  for (const code of codes) {
    const rows = accountsIndex(data).breaks.get(code) ?? [];
    if (rows.length === 0) continue;
    const name = unitName(data, code);
    const start = rows.filter((b) => b.kind === 'start');
    const broken = rows.filter((b) => b.kind !== 'start');
    const parts: Bilingual[] = [];
    if (start.length > 0) parts.push({ zh: `${span(start.map((b) => b.year))}年无数据，序列自${start.at(-1)!.year + 1}年起`, en: `no data in ${span(start.map((b) => b.year))}, series begins in ${start.at(-1)!.year + 1}` });
    if (broken.length > 0) {
      const first = broken[0]!;
      const why = missingWhat(first, data.parameters);
      parts.push({ zh: `${first.year}年${why.zh}，序列中断，${span(broken.map((b) => b.year))}年未计算`, en: `series broken in ${first.year} (${why.en}): ${span(broken.map((b) => b.year))} not computed` });
    }
    notes.push({ code, text: { zh: `${name.zh}：${parts.map((p) => p.zh).join('；')}。`, en: `${name.en}: ${parts.map((p) => p.en).join('; ')}.` } });
  }
  return notes;
}

/** What a year of a break lacks, in both languages. */
function missingWhat(row: AccountsData['breaks'][number], p: AccountsParameters): Bilingual {
  const parts: Bilingual[] = [];
  if (row.no_expenditure) parts.push({ zh: '无R&D经费内部支出', en: 'no R&D expenditure' });
  if (row.no_price_index) parts.push({ zh: `无${p.priceIndex.name_zh}`, en: `no ${p.priceIndex.name_en}` });
  if (!row.no_price_index && row.no_base_price) parts.push({ zh: `${p.baseYear}年无${p.priceIndex.name_zh}，无法换算`, en: `no ${p.priceIndex.name_en} in ${p.baseYear} to rebase to` });
  return { zh: parts.map((x) => x.zh).join('、'), en: parts.map((x) => x.en).join(', ') };
}

/** Whether the regions add up to the national row: a statement when they do, a flagged note for each break. */
export function nationalCheckNotes(data: AccountsData): { mark?: string; text: Bilingual }[] {
  if (data.nationalCheck.length === 0) return [];
  const tolerance = percent(data.parameters.tolerance, 2);
  const years = span([...new Set(data.nationalCheck.map((c) => c.year))]);
  const breaks = data.nationalCheck.filter((c) => !c.within_tolerance);
  if (breaks.length === 0) {
    return [{ text: {
      zh: `核对：${years}年各地区R&D固定资本形成与地区生产总值之和与全国数相差均不超过${tolerance}。`,
      en: `Check: in ${years} the regions' GFCF in R&D and GDP add up to the national figures within ${tolerance}.`,
    } }];
  }
  const list = (lang: 'zh' | 'en') => breaks.map((b) => {
    const what = b.item === 'gfcf' ? (lang === 'zh' ? 'R&D固定资本形成' : 'GFCF in R&D') : lang === 'zh' ? '地区生产总值' : 'GDP';
    const diff = `${b.relative_difference > 0 ? '+' : ''}${percent(b.relative_difference, 2)}`;
    return `${b.year} ${what} ${diff}`;
  }).join(lang === 'zh' ? '；' : '; ');
  return [{ mark: 'a', text: {
    zh: `各地区之和与全国数之差超过${tolerance}：${list('zh')}（地区合计相对全国）。`,
    en: `The regions do not add up to the national row within ${tolerance}: ${list('en')} (sum of regions relative to national).`,
  } }];
}

/** The note that the data are a sample, on sample data. */
export function sampleNote(data: AccountsData): { text: Bilingual }[] {
  return data.sampleData ? [{ text: { zh: '示例数据，仅作演示，并非官方统计。', en: 'Illustrative sample data, not official statistics.' } }] : [];
}

/** Footnote markers a, b, ..., z, aa, ab, ... ('a' is the national-sum check's). */
export function markLetter(n: number): string {
  return n < 26 ? String.fromCharCode(97 + n) : markLetter(Math.floor(n / 26) - 1) + String.fromCharCode(97 + (n % 26));
}

/** Years as a reader writes them: 2014–2016, 2019. */
function span(years: readonly number[]): string {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const start = sorted[i]!;
    while (i + 1 < sorted.length && sorted[i + 1] === sorted[i]! + 1) i++;
    parts.push(start === sorted[i] ? `${start}` : `${start}–${sorted[i]}`);
  }
  return parts.join(', ');
}
