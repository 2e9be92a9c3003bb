import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { main } from '../../src/cli/cli.ts';

// Reports collected as CSV instead of workbooks, and the reports' figures against a given
// aggregate of the same variable.

async function run(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(
    args,
    (l) => out.push(l),
    (l) => err.push(l),
  );
  return { code, out, err };
}

async function dataDir(): Promise<{ dir: string; data: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'ipindex-report-sources-'));
  const data = join(dir, 'data');
  await cp('test/fixtures/tiny', data, { recursive: true });
  await mkdir(join(data, 'institutions'));
  await writeFile(
    join(data, 'institutions', 'institutions.csv'),
    'institution_id,name_zh,name_en,kind,region_code,affiliation,transfer_office\nU1,甲大学,University A,university,110000,central,1\nR1,乙研究院,Institute B,research_institute,120000,local,0\n',
  );
  return { dir, data };
}

describe("the institutions' reports from other sources", () => {
  test('a CSV of reports, a row per report and a column per field, is collected like the forms; its problems named by row and column', async () => {
    const { dir, data } = await dataDir();
    const forms = join(dir, 'forms');
    await mkdir(forms);
    await writeFile(
      join(forms, 'reports-2021.csv'),
      'institution_id,year,report_type,patents_held,invention_patents_held,income\nU1,2021,年报,120,80,55.5\nR1,2021,annual,40,,1.2e1\n',
    );
    const ok = await run(['import-reports', forms, '--out', join(data, 'institutions', 'reports.csv')]);
    expect(ok.err).toEqual([]);
    expect(ok.code).toBe(0);
    const rows = parse(await readFile(join(data, 'institutions', 'reports.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.institution_id, r.field, r.value, r.source_cell])).toEqual([
      ['R1', 'patents_held', '40', 'row 3, column patents_held'],
      ['R1', 'income', '12', 'row 3, column income'],
      ['U1', 'patents_held', '120', 'row 2, column patents_held'],
      ['U1', 'invention_patents_held', '80', 'row 2, column invention_patents_held'],
      ['U1', 'income', '55.5', 'row 2, column income'],
    ]);

    await writeFile(join(forms, 'reports-2021.csv'), 'institution_id,year,report_type,patents_held,income\nU1,2021,年报,120.5,55\n');
    const bad = await run(['import-reports', forms, '--out', join(data, 'institutions', 'reports.csv')]);
    expect(bad.code).toBe(1);
    expect(bad.err.join('\n')).toContain(
      'reports-2021.csv, row 2, column patents_held: found "120.5" for patents_held, expected a whole number of 0 or more',
    );
  });

  test('a variable given by an aggregate file and by the reports is a duplicate, named with both places', async () => {
    const { data } = await dataDir();
    await writeFile(
      join(data, 'institutions', 'reports.csv'),
      'institution_id,year,field,value,source_file,source_cell\nU1,2021,income,50,U1-2021.xlsx,表1!D19\nU1,2020,income,40,U1-2020.xlsx,表1!D19\n',
    );
    await writeFile(
      join(data, 'variables.csv'),
      `${await readFile(join(data, 'variables.csv'), 'utf8')}institution_transfer_income,institutions,转化收入,transfer income,万元,0,100000000,reports\n`,
    );
    await writeFile(join(data, 'transfers.csv'), 'region_code,year,institution_transfer_income\n110000,2021,48\n');
    const result = await run(['build', data, '--out', join(data, '..', 'out'), '--no-site']);
    expect(result.code).toBe(1);
    expect(result.err.join('\n')).toMatch(
      /a second value of institution_transfer_income for region 110000 in 2021 \(first given in .*(transfers\.csv|reports\.csv)/,
    );
  });
});
