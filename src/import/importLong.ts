import { quoteFound } from '../lib/InputError.ts';
import { parseYear } from '../lib/parseCell.ts';
import type { RegionMatch, RegionMatcher } from '../lib/regionMatcher.ts';
import type { Variable } from '../lib/types.ts';
import { leftOutBecause } from './classifyRegionRow.ts';
import { headerKey } from './headerKey.ts';
import type { ImportMap } from './importMapSchema.ts';
import type { ImportResult } from './ImportResult.ts';
import { readValue, type ImportLabels } from './importSheet.ts';
import type { Sheet } from './readSheet.ts';

const regionNames = ['region_code', 'region', 'region_name', 'province', '地区', '省份', '地区代码', '省份代码'];
const yearNames = ['year', '年份', '年度', '年'];
const unitNames = ['unit', 'units', '单位', '计量单位'];

/**
 * Imports a long source (one row per region, year and sub-item, e.g. the NBS extracts with
 * columns province, year, chn_block4, value, units): the sub-items the map names become
 * variables; rows of other sub-items are counted per sub-item. Rows are left out and listed,
 * and unknown names reported, as `importSheet` does.
 */
export function importLong(
  sheet: Sheet,
  map: ImportMap,
  codebook: ReadonlyMap<string, Variable>,
  regions: RegionMatcher,
  labels: ImportLabels,
): ImportResult {
  const result: ImportResult = {
    file: sheet.file,
    values: [],
    dropped: [],
    notSelected: new Map(),
    rowsRead: 0,
    blankRows: 0,
    notes: [],
    problems: [],
  };
  const { problems, notes } = result;
  const mapProblem = (column: string, found: string, expected: string) => problems.push({ file: labels.map, column, found, expected });
  const headerIndex = sheet.rows.findIndex((r) => r.cells.some((c) => c.text.trim() !== ''));
  const headerRow = sheet.rows[headerIndex];
  if (headerRow === undefined) {
    problems.push({ file: sheet.file, found: 'no rows', expected: 'a header row, then one row per region, year and sub-item' });
    return result;
  }
  const header = headerRow.cells.map((c) => c.text.normalize('NFKC').trim());
  const keys = header.map(headerKey);
  const columnOf = (names: readonly string[]) => keys.findIndex((k) => names.some((n) => headerKey(n) === k));
  const among = header.map((h) => JSON.stringify(h)).join(', ');
  const need = (key: string, names: readonly string[], what: string): number => {
    const at = columnOf(names);
    if (at < 0) mapProblem(key, `no column ${names.map((n) => JSON.stringify(n)).join(' or ')} among ${among}`, what);
    return at;
  };

  const regionAt = need('region', map.region === undefined ? regionNames : [map.region], 'the header of the column naming the regions');
  const itemAt = need('item', [map.item ?? ''], 'the header of the column of sub-items');
  const valueAt = need('value', [map.value], 'the header of the column of values');
  let yearAt = -1;
  let fixedYear: number | null = null;
  if (typeof map.year === 'number') fixedYear = map.year;
  else if (map.year === 'title')
    mapProblem('year', '"title", but a long source has no title', 'a year, or {column: <header of the year column>}');
  else
    yearAt = need(
      map.year === undefined ? 'year' : 'year.column',
      map.year === undefined ? yearNames : [map.year.column],
      'the header of the year column, or a year',
    );
  const unitAt =
    map.unit_column === undefined ? columnOf(unitNames) : need('unit_column', [map.unit_column], 'the header of the column of units');
  if (unitAt < 0 && map.unit === undefined && map.unit_column === undefined) {
    mapProblem(
      'unit',
      `no unit: no column ${unitNames.map((n) => JSON.stringify(n)).join(' or ')} among ${among}`,
      'unit in the map, e.g. unit: 万元, or unit_column',
    );
  }
  const byItem = new Map<string, string>();
  for (const [variable, item] of Object.entries(map.variables)) {
    if (!codebook.has(variable))
      mapProblem(`variables.${variable}`, `the undeclared variable "${variable}"`, 'a variable declared in variables.csv');
    byItem.set(headerKey(item), variable);
  }
  if (problems.length > 0) return result;

  const name = (at: number) => header[at] ?? '';
  notes.push(
    `header row ${headerRow.row}: regions in ${JSON.stringify(name(regionAt))}, sub-items in ${JSON.stringify(name(itemAt))}, values in ${JSON.stringify(name(valueAt))}` +
      (yearAt >= 0 ? `, years in ${JSON.stringify(name(yearAt))}` : `, year ${fixedYear} (from the map)`) +
      (unitAt >= 0 ? `, units in ${JSON.stringify(name(unitAt))}` : `, unit ${map.unit} (from the map)`),
  );
  for (const [variable, item] of Object.entries(map.variables)) notes.push(`sub-item ${JSON.stringify(item)} -> ${variable}`);
  if (map.years !== undefined) notes.push(`years ${map.years.from}-${map.years.to} only (from the map)`);

  const matches = new Map<string, RegionMatch>();
  const seen = new Map<string, number>();
  const selected = new Set<string>();
  const variantsUsed = new Map<string, string>();
  for (const r of sheet.rows.slice(headerIndex + 1)) {
    result.rowsRead += 1;
    const texts = r.cells.map((c) => c.text);
    if (texts.every((t) => t.trim() === '')) {
      result.blankRows += 1;
      continue;
    }
    const text = (at: number) => (at < 0 ? '' : (r.cells[at]?.text ?? ''));
    const regionText = text(regionAt);
    let match = matches.get(regionText);
    if (match === undefined) {
      match = regions.match(regionText);
      matches.set(regionText, match);
    }
    const first = texts.find((t) => t.trim() !== '') ?? '';
    const reason = leftOutBecause(first, texts, match);
    if (reason !== null) {
      result.dropped.push({ file: sheet.file, row: r.row, reason: `${quoteFound((regionText.trim() || first).trim())}: ${reason}` });
      continue;
    }
    const item = text(itemAt).normalize('NFKC').trim();
    const variable = byItem.get(headerKey(item));
    if (variable === undefined) {
      result.notSelected.set(item, (result.notSelected.get(item) ?? 0) + 1);
      continue;
    }
    selected.add(variable);
    if (match.kind !== 'region') {
      problems.push({
        file: sheet.file,
        row: r.row,
        column: name(regionAt),
        found: `the unknown region ${quoteFound(regionText)}`,
        expected:
          match.kind === 'unknown' && match.candidates.length > 1
            ? `one region, but it fits ${match.candidates.join(', ')}`
            : 'a region name or code of regions.csv (or a known variant: src/lib/regionVariants.ts)',
      });
      continue;
    }
    if (match.how === 'variant') variantsUsed.set(regionText.trim(), match.region_code);
    const year = yearAt < 0 ? fixedYear : parseYear(text(yearAt));
    if (year === null) {
      problems.push({
        file: sheet.file,
        row: r.row,
        column: name(yearAt),
        found: quoteFound(text(yearAt)),
        expected: 'a year such as 2023',
      });
      continue;
    }
    if (map.years !== undefined && (year < map.years.from || year > map.years.to)) {
      result.notSelected.set(`year ${year}`, (result.notSelected.get(`year ${year}`) ?? 0) + 1);
      continue;
    }
    const unit = unitAt >= 0 && text(unitAt).trim() !== '' ? text(unitAt).normalize('NFKC').trim() : (map.unit ?? '');
    if (unit === '') {
      problems.push({
        file: sheet.file,
        row: r.row,
        column: name(unitAt),
        found: 'an empty unit',
        expected: 'the unit of the value, or unit in the map',
      });
      continue;
    }
    const key = `${match.region_code} ${year} ${variable}`;
    const firstRow = seen.get(key);
    if (firstRow !== undefined) {
      problems.push({
        file: sheet.file,
        row: r.row,
        column: name(regionAt),
        found: `a second value of ${variable} for region ${match.region_code} in ${year} (first at row ${firstRow})`,
        expected: 'one value per region, year and sub-item',
      });
      continue;
    }
    seen.set(key, r.row);
    const cell = r.cells[valueAt];
    const value = readValue(cell?.text ?? '', cell?.error, unit, sheet.file, r.row, name(valueAt), problems);
    if (value !== undefined)
      result.values.push({ region_code: match.region_code, year, variable, value, unit, row: r.row, column: name(valueAt) });
  }
  for (const [variable, item] of Object.entries(map.variables)) {
    if (!selected.has(variable)) {
      const items = [...result.notSelected.keys()].map((i) => JSON.stringify(i)).join(', ');
      mapProblem(
        `variables.${variable}`,
        `no row with the sub-item ${JSON.stringify(item)} in column ${JSON.stringify(name(itemAt))}`,
        items === '' ? 'a sub-item of the source' : `one of its sub-items: ${items}`,
      );
    }
  }
  for (const [regionName, code] of variantsUsed)
    notes.push(`read ${JSON.stringify(regionName)} as region ${code} (a known variant spelling)`);
  return result;
}
