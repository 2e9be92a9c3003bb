import { quoteFound, type Problem } from '../lib/InputError.ts';
import type { Region } from '../lib/types.ts';
import { cellAt, findColumns } from './findColumns.ts';
import type { CsvTable } from './readCsvFile.ts';

const chineseLevels = ['province', 'prefecture'] as const;
// A country is a unit of an index outside China (e.g. one imported from COINr): its code is the
// index's own (ISO alpha-3 and the like) and its zone any group label, for group imputation.
const levels = [...chineseLevels, 'country'] as const;
const zones = ['east', 'central', 'west', 'northeast'] as const;
const unitCodePattern = /^[A-Za-z0-9]{1,16}$/;

/** Checks `regions.csv` and returns its regions, or the problems found in it. */
export function readRegions(table: CsvTable): { regions: Region[]; problems: Problem[] } {
  const { index, problems } = findColumns(table, {
    region_code: { name: 'region_code', required: true },
    name_zh: { name: 'name_zh', required: true },
    name_en: { name: 'name_en', required: true },
    level: { name: 'level', required: true },
    parent_code: { name: 'parent_code', required: true },
    zone: { name: 'zone', required: true },
  });
  if (problems.length > 0) return { regions: [], problems };

  const regions: Region[] = [];
  const seen = new Set<string>();
  for (const { row, cells } of table.rows) {
    const get = (key: keyof typeof index) => cellAt(cells, index[key]).trim();
    const problem = (column: string, found: string, expected: string) => problems.push({ file: table.file, row, column, found, expected });
    const code = get('region_code');
    const level = get('level');
    // An unknown level is reported below; its code and zone are then held to the Chinese rules.
    const gbt2260 = !(levels as readonly string[]).includes(level) || (chineseLevels as readonly string[]).includes(level);
    if (gbt2260 && !/^\d{6}$/.test(code)) problem('region_code', quoteFound(code), 'a 6-digit GB/T 2260 code');
    else if (!gbt2260 && !unitCodePattern.test(code)) problem('region_code', quoteFound(code), 'a code of letters and digits, e.g. AUT');
    else if (seen.has(code)) problem('region_code', `${code} a second time`, 'each region once');
    seen.add(code);
    if (!(levels as readonly string[]).includes(level)) problem('level', quoteFound(level), levels.join(' or '));
    const zone = get('zone');
    if (gbt2260 && !(zones as readonly string[]).includes(zone)) problem('zone', quoteFound(zone), zones.join(', '));
    else if (!gbt2260 && zone === '') problem('zone', 'an empty group', 'a group label (used by group imputation), e.g. Europe');
    if (get('name_zh') === '') problem('name_zh', 'an empty name', 'the Chinese name');
    if (get('name_en') === '') problem('name_en', 'an empty name', 'the English name');
    regions.push({
      region_code: code,
      name_zh: get('name_zh'),
      name_en: get('name_en'),
      level: level as Region['level'],
      parent_code: get('parent_code'),
      zone,
    });
  }
  for (const region of regions) {
    if (region.parent_code !== '' && !seen.has(region.parent_code)) {
      const row = table.rows[regions.indexOf(region)]?.row;
      problems.push({
        file: table.file,
        ...(row === undefined ? {} : { row }),
        column: 'parent_code',
        found: `${region.parent_code}, which is not a region_code of this file`,
        expected: 'the code of a region listed here, or empty',
      });
    }
  }
  if (regions.length === 0) problems.push({ file: table.file, found: 'no regions', expected: 'one row per region' });
  return { regions, problems };
}
