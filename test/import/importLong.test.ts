import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { formatProblem, InputError } from '../../src/lib/InputError.ts';
import { importFile } from '../../src/import/importFile.ts';

// A long extract in the shape of the NBS files (province, year, sub-item, value, units, code),
// written here with the dirt of the real ones: padded names, an OCR variant, 全国, a zone row,
// a footnote, and sub-items the map does not pick.
const work = 'test/output/import-long';
const header = 'province,year,chn_block4,value,units,variables';
const lines = [
  '"全   国","2020","合计",100,"件","v_hj"',
  '"北   京","2020","合计",40,"件","v_hj"',
  '"北   京","2020","发明",10,"件","v_fm"',
  '"东部地区","2020","合计",70,"件","v_hj"',
  '"江两","2020年","合计",１２,"件","v_hj"',
  '"江两","2020","发明",3,"件","v_fm"',
  '"注：2020年数据为初步数。",,,,,',
];
const map = 'region: province\nitem: chn_block4\nunit_column: units\nvariables:\n  patent_applications: 合计\n';

async function runImport(rows: string[], mapText = map) {
  await writeFile(join(work, 'extract.csv'), [header, ...rows].join('\n'));
  await writeFile(join(work, 'map.yaml'), mapText);
  return importFile({
    source: join(work, 'extract.csv'),
    map: join(work, 'map.yaml'),
    out: join(work, 'out.csv'),
    data: 'test/fixtures/import-data',
  });
}

describe('importing a long extract', () => {
  beforeAll(async () => {
    await rm(work, { recursive: true, force: true });
    await mkdir(work, { recursive: true });
  });

  test('picks the mapped sub-items, leaves out totals and footnotes, counts the rest', async () => {
    const result = await runImport(lines);
    expect(result.values.map((v) => [v.region_code, v.year, v.variable, v.value, v.unit, v.row])).toEqual([
      ['110000', 2020, 'patent_applications', 40, '件', 3],
      ['360000', 2020, 'patent_applications', 12, '件', 6],
    ]);
    expect(result.dropped.map((d) => `${d.row} ${d.reason}`)).toEqual([
      '2 "全   国": national total',
      '5 "东部地区": zone total',
      '8 "注：2020年数据为初步数。": footnote',
    ]);
    expect([...result.notSelected]).toEqual([['发明', 2]]);
    expect(result.rowsRead).toBe(7);
  });

  test('lists every name it cannot match, and a sub-item the source does not have', async () => {
    const problems = await runImport(
      [...lines, '"北亰","2020","合计",1,"件","v_hj"', '"Shanxi Sheng","2020","合计",1,"件","v_hj"'],
      `${map}  invention_applications: 发明专利\n`,
    ).then(
      () => [],
      (error: unknown) => (error as InputError).problems.map(formatProblem),
    );
    const source = join(work, 'extract.csv');
    expect(problems).toEqual([
      `${source}, row 9, column "province": found the unknown region "北亰", expected a region name or code of regions.csv (or a known variant: src/lib/regionVariants.ts)`,
      `${source}, row 10, column "province": found the unknown region "Shanxi Sheng", expected a region name or code of regions.csv (or a known variant: src/lib/regionVariants.ts)`,
      `${join(work, 'map.yaml')}, column "variables.invention_applications": found no row with the sub-item "发明专利" in column "chn_block4", expected one of its sub-items: "发明"`,
    ]);
  });

  test('a unit that converts to the codebook unit is kept for the loader to convert; one that does not is a problem', async () => {
    const converted = await runImport(['"北京","2020","合计",1.5,"万件","v_hj"']);
    expect(converted.values.map((v) => [v.value, v.unit])).toEqual([[1.5, '万件']]);
    expect(converted.notes).toContain("patent_applications is given in 万件: converted to 件 (the codebook's) when the file is loaded");
    const problems = await runImport(['"北京","2020","合计",2,"箱","v_hj"']).then(
      () => [],
      (error: unknown) => (error as InputError).problems.map(formatProblem),
    );
    expect(problems).toEqual([
      `${join(work, 'extract.csv')}, row 2: found the unit "箱" for patent_applications, expected "件" (the codebook unit of patent_applications) or a unit that converts to it`,
    ]);
  });
});
