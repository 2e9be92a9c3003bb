import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { PREFECTURE_UNITS } from './prefectureUnits.ts';

/** A row of regions.csv. */
export interface RegionRow {
  region_code: string;
  name_zh: string;
  name_en: string;
  level: 'province' | 'prefecture';
  parent_code: string;
  zone: string;
}

/** The four municipalities directly under the central government: no prefecture level. */
export const MUNICIPALITIES: ReadonlySet<string> = new Set(['110000', '120000', '310000', '500000']);

/**
 * The regions of a prefecture-level data directory, in code order: the 333 prefecture-level
 * units with their province as parent and its zone; each municipality once, as a unit of the
 * prefecture level with no parent (its districts are not used: 337 units in all); and the
 * other 27 provinces as the parents, at level province, with no values of their own.
 */
export function prefectureRegions(provinces: readonly RegionRow[]): RegionRow[] {
  const byCode = new Map(provinces.map((p) => [p.region_code, p]));
  const rows: RegionRow[] = provinces.map((p) =>
    MUNICIPALITIES.has(p.region_code) ? { ...p, level: 'prefecture', parent_code: '' } : { ...p, level: 'province', parent_code: '' },
  );
  for (const [code, nameZh, nameEn] of PREFECTURE_UNITS) {
    const parent = byCode.get(`${code.slice(0, 2)}0000`);
    if (parent === undefined) throw new Error(`no province for prefecture ${code} ${nameZh}`);
    rows.push({
      region_code: code,
      name_zh: nameZh,
      name_en: nameEn,
      level: 'prefecture',
      parent_code: parent.region_code,
      zone: parent.zone,
    });
  }
  return rows.sort((a, b) => a.region_code.localeCompare(b.region_code));
}

/** Renders region rows as regions.csv (UTF-8, LF; no name holds a comma or a quote). */
export function regionsCsv(rows: readonly RegionRow[]): string {
  const header = 'region_code,name_zh,name_en,level,parent_code,zone';
  return [header, ...rows.map((r) => [r.region_code, r.name_zh, r.name_en, r.level, r.parent_code, r.zone].join(','))].join('\n') + '\n';
}

/** Reads every column of a data directory's regions.csv. */
export async function readRegionRows(dir: string): Promise<RegionRow[]> {
  const records = parse(await readFile(join(dir, 'regions.csv'), 'utf8'), { columns: true, bom: true, skip_empty_lines: true }) as Record<
    string,
    string
  >[];
  return records.map((r) => ({
    region_code: r.region_code ?? '',
    name_zh: r.name_zh ?? '',
    name_en: r.name_en ?? '',
    level: r.level === 'prefecture' ? 'prefecture' : 'province',
    parent_code: r.parent_code ?? '',
    zone: r.zone ?? '',
  }));
}
