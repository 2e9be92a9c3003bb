import { terms } from '../terms.ts';
import { zones } from '../zones.ts';
import type { AccountsData, AccountsTable, AccountsTableRow, Bilingual } from './AccountsReport.ts';
import { basisLabel, itemLabels, priceBasis, regionalTitles, units } from './accountsLabels.ts';
import { breakNotes, markLetter, methodNotes, nationalCheckNotes, sampleNote } from './accountsFootnotes.ts';
import { accountsIndex, firstBy, unitName } from './accountsIndex.ts';

/**
 * A table of one item for every region, grouped by zone with subtotals, the sum of regions and
 * the national row. `methodNotes: false` (a page that shows the method's notes once, under the
 * national asset account) points to them instead of repeating them under each table.
 */
export function regionalTable(data: AccountsData, item: string, basis: 'current' | 'constant', { methodNotes: withMethod = true } = {}): AccountsTable {
  const key = priceBasis(data, basis);
  const { byRegion, byGroup, unitOf } = accountsIndex(data);
  const unitKey = unitOf.get(`${item}|${key}`) ?? (item === 'gfcf_share_gdp' ? '%' : item === 'stock_per_fte' ? '万元/人年' : '亿元');
  const decimals = unitKey === '亿元' ? 1 : 2;
  const line = (code: string, label: Bilingual, level: number, kind: AccountsTableRow['kind'], lookup: typeof byRegion): AccountsTableRow => ({
    label,
    level,
    kind,
    values: data.years.map((year) => lookup(code, year, item, key)),
    decimals,
    code,
  });

  const nationalBreaks = data.nationalCheck.filter((c) => !c.within_tolerance);
  const nationalRow = line(data.nationalCode, unitName(data, data.nationalCode), 0, 'total', byRegion);
  const hasNational = nationalRow.values.some((v) => v !== null);
  const rows: AccountsTableRow[] = [];
  if (hasNational) rows.push(nationalBreaks.length > 0 ? { ...nationalRow, marks: ['a'] } : nationalRow);
  rows.push(line('regions', { zh: '地区合计', en: 'Sum of regions' }, 0, 'total', byGroup));
  // Zone subtotals as the yearbooks head them: 东部地区.
  for (const { zone, name } of zones) {
    const label = { zh: `${name.zh}地区`, en: name.en };
    const members = data.regions.filter((r) => r.zone === zone);
    if (members.length === 0) continue;
    rows.push(line(zone, label, 0, 'subtotal', byGroup));
    for (const r of members) rows.push(line(r.region_code, { zh: r.name_zh, en: r.name_en }, 1, 'item', byRegion));
  }

  const label = basisLabel(data, basis);
  const title = regionalTitles[item] ?? itemLabels[item] ?? { zh: item, en: item };
  const hasBasis = item !== 'gfcf_share_gdp';
  const footnotes: AccountsTable['footnotes'] = withMethod ? [...methodNotes(data, null)] : [{ text: { zh: '计算方法见全国资产账户的表注。', en: 'The method: see the notes to the national asset account.' } }];
  footnotes.push({ text: {
    zh: `全国按全国数据以同一方法单独计算；地区合计、区域小计为各地区相加${item === 'gfcf_share_gdp' ? '（比重为合计固定资本形成除以合计地区生产总值）' : item === 'stock_per_fte' ? '（为合计存量除以合计人员全时当量）' : ''}，任一地区缺值的年份不列小计。存量不要求与全国相等：各地区与全国的初始存量分别估计。`,
    en: `The national row is computed from national data by the same method; the sum of regions and the zone subtotals add the regions up${item === 'gfcf_share_gdp' ? ' (the share is total GFCF over total GDP)' : item === 'stock_per_fte' ? ' (total stock over total FTE)' : ''}, and are left blank in a year in which any region lacks a value. Stocks need not match the national row, since each initial stock is estimated on its own series.`,
  } });
  footnotes.push(...nationalCheckNotes(data));
  // Each unit whose series is cut short gets a marked note, and its row the marker.
  const marked = breakNotes(data, [data.nationalCode, ...data.regions.map((r) => r.region_code)]).map((note, i) => ({ ...note, mark: markLetter(i + 1) }));
  const rowOf = firstBy(rows, (r) => r.code);
  for (const note of marked) {
    const row = rowOf.get(note.code);
    if (row !== undefined) row.marks = [...(row.marks ?? []), note.mark];
  }
  footnotes.push(...marked.map(({ mark, text }) => ({ mark, text })), ...sampleNote(data));
  const sheet = `${item === 'gfcf_share_gdp' ? 'GFCF share of GDP' : item === 'stock_per_fte' ? 'Stock per FTE' : item === 'gfcf' ? 'GFCF' : 'Closing stock'}${hasBasis ? ` ${basis}` : ''}`;
  return {
    id: `regions_${item}${hasBasis ? `_${basis}` : ''}`,
    sheet: sheet.slice(0, 31),
    title: hasBasis ? { zh: `各地区${title.zh}（${label.zh}）`, en: `${title.en} by region, ${label.en}` } : { zh: `各地区${title.zh}`, en: `${title.en} by region` },
    unit: units[unitKey] ?? { zh: unitKey, en: unitKey },
    stub: terms.region,
    columnGroup: terms.year,
    columns: data.years,
    rows,
    footnotes,
  };
}
