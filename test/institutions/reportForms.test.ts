import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { reportFields } from '../../src/institutions/institutionSchema.ts';
import { main } from '../../src/cli/cli.ts';

// The institutions' annual report, end to end: the form is written, filled in as a reporting
// officer would (programmatically), collected from a folder, and the numbers built into the
// regional figures are the ones written in the forms, summed here independently.

type Csv = Record<string, string>[];

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

const register = [
  'institution_id,name_zh,name_en,kind,region_code,affiliation,transfer_office',
  'U1,甲大学,University A,university,北京,central,1',
  'R1,乙研究院,Institute B,research_institute,120000,local,1',
  'H1,丙医院,Hospital C,hospital,110000,local,0',
].join('\n');

const institutionVariables = [
  ['institution_transfer_income', '万元'],
  ['university_transfer_income', '万元'],
  ['transfer_contracts', '项'],
  ['institution_patents_held', '件'],
  ['untransformed_state_funded_patents', '件'],
  ['institutions_registered', '家'],
  ['institutions_reporting', '家'],
];

/** The tiny data directory with the register of three institutions and the codebook declaring the reports' figures. */
async function dataDir(): Promise<{ dir: string; data: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'ipindex-reports-'));
  const data = join(dir, 'data');
  await cp('test/fixtures/tiny', data, { recursive: true });
  const codebook = await readFile(join(data, 'variables.csv'), 'utf8');
  await writeFile(
    join(data, 'variables.csv'),
    `${codebook}${institutionVariables.map(([v, unit]) => `${v},institutions,${v},${v},${unit},0,100000000,reports`).join('\n')}\n`,
  );
  await mkdir(join(data, 'institutions'));
  await writeFile(join(data, 'institutions', 'institutions.csv'), `${register}\n`);
  return { dir, data };
}

/** A filled form: the template with the header cells and the values of `values` (by field code) written in column D. */
async function fill(
  template: string,
  path: string,
  id: string,
  year: number | string,
  type: string,
  values: Record<string, number | string>,
  filed?: Date,
): Promise<void> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(template);
  const sheet = book.getWorksheet('表1')!;
  sheet.getCell('D3').value = id;
  sheet.getCell('D4').value = year;
  sheet.getCell('D5').value = type;
  if (filed !== undefined) sheet.getCell('D6').value = filed;
  sheet.eachRow((row) => {
    const code = String(row.getCell(5).value ?? '');
    if (code in values) row.getCell(4).value = values[code]!;
  });
  await book.xlsx.writeFile(path);
}

// Each institution's figures, made up so that every total holds its parts.
const figures = (income: number, held: number, contracts: [number, number, number]) => ({
  patents_held: held,
  invention_patents_held: Math.round(held * 0.7),
  patents_granted: Math.round(held * 0.15),
  assigned_count: contracts[0],
  assigned_value: 10.5 * contracts[0],
  licensed_count: contracts[1],
  licensed_value: 7.25 * contracts[1],
  licensed_exclusive: Math.floor(contracts[1] / 2),
  licensed_open: 1,
  equity_count: contracts[2],
  equity_value: 100 * contracts[2],
  income,
  income_rewarded: income / 2,
  untransformed_state_funded: Math.round(held * 0.3),
  office_staff: 4,
});

describe("the institutions' annual report: form, collection, figures", () => {
  test("the form has the instructions, the header fields and a row per field with Excel's data validation, in both languages", async () => {
    const { dir } = await dataDir();
    expect((await run(['template', 'institutions', '--out', join(dir, 'form.xlsx')])).code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, 'form.xlsx'));
    expect(book.worksheets.map((s) => s.name)).toEqual(['填表说明', '表1']);
    expect(String(book.getWorksheet('填表说明')!.getCell('A3').value)).toContain('每年填报一次');
    const form = book.getWorksheet('表1')!;
    expect([form.getCell('E3').value, form.getCell('E4').value, form.getCell('E5').value, form.getCell('E6').value]).toEqual([
      'institution_id',
      'year',
      'report_type',
      'filed',
    ]);
    expect(form.getCell('D6').dataValidation).toMatchObject({ type: 'date' });
    expect(form.getCell('D4').dataValidation).toMatchObject({ type: 'whole', formulae: [1900, 2100] });
    expect(form.getCell('D5').dataValidation).toMatchObject({ type: 'list', formulae: ['"年报,更正"'] });
    reportFields.forEach((field, i) => {
      const row = 8 + i;
      expect(form.getCell(`E${row}`).value).toBe(field.code);
      expect(form.getCell(`C${row}`).value).toBe(field.unit.zh);
      expect(form.getCell(`D${row}`).dataValidation).toMatchObject({
        type: field.kind === 'count' ? 'whole' : 'decimal',
        operator: 'greaterThanOrEqual',
        formulae: [0],
      });
    });
    expect(String(form.getCell(`B${8 + reportFields.findIndex((f) => f.code === 'untransformed_state_funded')}`).value)).toContain(
      '授权满3年',
    );

    expect((await run(['template', 'institutions', '--out', join(dir, 'form-en.xlsx'), '--lang', 'en'])).code).toBe(0);
    const en = new ExcelJS.Workbook();
    await en.xlsx.readFile(join(dir, 'form-en.xlsx'));
    expect(en.worksheets.map((s) => s.name)).toEqual(['Instructions', 'Form 1']);
    expect(en.getWorksheet('Form 1')!.getCell('D5').dataValidation).toMatchObject({ type: 'list', formulae: ['"annual,correction"'] });
  });

  test(
    'forms filled in, collected from a folder and built: the same numbers, corrections replacing reports, who has not reported',
    { timeout: 240_000 },
    async () => {
      const { dir, data } = await dataDir();
      const template = join(dir, 'form.xlsx');
      await run(['template', 'institutions', '--out', template]);
      const forms = join(dir, 'forms');
      await mkdir(forms);
      const filled: Record<string, Record<string, number>> = {
        'U1|2020': figures(120.5, 400, [3, 5, 1]),
        'U1|2021': figures(200.25, 450, [4, 6, 1]),
        'R1|2021': figures(999, 150, [1, 1, 0]),
        'H1|2021': figures(30, 40, [0, 2, 0]),
      };
      for (const [key, values] of Object.entries(filled)) {
        const [id, year] = key.split('|');
        // Filed on 15 March of the next year, but University A's 2020 report on 2 May 2021: late.
        const filed = key === 'U1|2020' ? new Date(Date.UTC(2021, 4, 2)) : new Date(Date.UTC(Number(year) + 1, 2, 15));
        await fill(template, join(forms, `${id}-${year}.xlsx`), id!, Number(year), '年报', values, filed);
      }
      // Institute B corrects its 2021 report: income 80, not 999.
      const corrected = { ...figures(80, 150, [1, 1, 0]) };
      await fill(template, join(forms, 'R1-2021-更正.xlsx'), 'R1', 2021, '更正', corrected);
      filled['R1|2021'] = corrected;

      const imported = await run(['import-reports', forms, '--out', join(data, 'institutions', 'reports.csv')]);
      expect(imported.err).toEqual([]);
      expect(imported.code).toBe(0);
      expect(imported.out.join('\n')).toContain('4 reports (1 corrected) from 5 files');
      expect(imported.out.join('\n')).toContain('not reported for 2020: 2 institutions of the register (H1, R1)');

      // The long file holds every value as written, with its form and cell.
      const reports = parse(await readFile(join(data, 'institutions', 'reports.csv'), 'utf8'), { columns: true }) as Csv;
      expect(reports).toHaveLength(4 * reportFields.length);
      for (const r of reports) {
        expect(Number(r.value), `${r.institution_id} ${r.year} ${r.field}`).toBe(filled[`${r.institution_id}|${r.year}`]![r.field!]);
        expect(r.source_cell).toBe(`表1!D${8 + reportFields.findIndex((f) => f.code === r.field)}`);
      }
      expect(reports.find((r) => r.institution_id === 'R1')?.source_file).toBe('R1-2021-更正.xlsx');
      expect(new Set(reports.filter((r) => r.institution_id === 'U1').map((r) => `${r.year} ${r.filed}`))).toEqual(
        new Set(['2020 2021-05-02', '2021 2022-03-15']),
      );
      expect(reports.find((r) => r.institution_id === 'R1')?.filed).toBe('');

      const build = await run(['build', data, '--out', join(dir, 'out')]);
      expect(build.err).toEqual([]);
      expect(build.code).toBe(0);
      const observations = parse(await readFile(join(dir, 'out', 'data', 'observations.csv'), 'utf8'), { columns: true }) as Csv;
      const value = (region: string, year: number, variable: string) => {
        const found = observations.find((o) => o.region_code === region && Number(o.year) === year && o.variable === variable);
        return found === undefined ? undefined : Number(found.value);
      };
      // Beijing 2021: University A and Hospital C; Tianjin: Institute B as corrected; the nation: all three.
      const income = (key: string) => filled[key]!.income!;
      expect(value('110000', 2021, 'institution_transfer_income')).toBeCloseTo(income('U1|2021') + income('H1|2021'), 9);
      expect(value('120000', 2021, 'institution_transfer_income')).toBeCloseTo(80, 9);
      expect(value('100000', 2021, 'institution_transfer_income')).toBeCloseTo(income('U1|2021') + income('H1|2021') + 80, 9);
      expect(value('110000', 2021, 'university_transfer_income')).toBeCloseTo(income('U1|2021'), 9);
      const contracts = (key: string) => filled[key]!.assigned_count! + filled[key]!.licensed_count! + filled[key]!.equity_count!;
      expect(value('110000', 2021, 'transfer_contracts')).toBe(contracts('U1|2021') + contracts('H1|2021'));
      expect(value('110000', 2021, 'untransformed_state_funded_patents')).toBe(
        filled['U1|2021']!.untransformed_state_funded! + filled['H1|2021']!.untransformed_state_funded!,
      );
      // 2020: only University A reported; Hospital C's figures are left out, not 0; Tianjin, with no report, has none.
      expect(value('110000', 2020, 'institutions_registered')).toBe(2);
      expect(value('110000', 2020, 'institutions_reporting')).toBe(1);
      expect(value('110000', 2020, 'institution_transfer_income')).toBeCloseTo(income('U1|2020'), 9);
      expect(value('120000', 2020, 'institution_transfer_income')).toBeUndefined();
      expect(value('120000', 2020, 'institutions_reporting')).toBe(0);
      // Tibet has no institution in the register: 0.
      expect(value('540000', 2021, 'institution_transfer_income')).toBe(0);

      const manifest = JSON.parse(await readFile(join(dir, 'out', 'data', 'manifest.json'), 'utf8'));
      expect(manifest.institution_reports.not_reported).toEqual([
        { year: 2020, institution_id: 'H1' },
        { year: 2020, institution_id: 'R1' },
      ]);
      // The deadline is 31 March of the next year (institutions.deadline): University A's 2020 report came late, and counts.
      expect(manifest.institution_reports.late).toEqual([{ year: 2020, institution_id: 'U1', filed: '2021-05-02' }]);

      const { document } = parseHTML(await readFile(join(dir, 'out', 'en', 'institutions', 'index.html'), 'utf8'));
      const rows = (id: string) =>
        [...document.querySelectorAll(`section[aria-labelledby="${id}"] tbody tr`)].map((tr) =>
          [...tr.querySelectorAll('th, td')].map((c) => c.textContent?.trim()),
        );
      expect(rows('league')[0]).toEqual([
        'University A',
        'University · Central',
        'Beijing',
        '200.3',
        String(contracts('U1|2021')),
        '6',
        '135',
        '30.0',
      ]);
      expect(rows('response')).toContainEqual(['2020', 'Hospital C', 'Beijing', 'not reported']);
      expect(rows('response')).toContainEqual(['2020', 'University A', 'Beijing', 'filed late (2021-05-02)']);
      const zh = parseHTML(await readFile(join(dir, 'out', 'institutions', 'index.html'), 'utf8')).document;
      expect(zh.querySelector('h1')?.textContent).toBe('高等学校和科研机构知识产权转移转化');
    },
  );

  test('a bad form is named by file, sheet and cell, and nothing is written', async () => {
    const { dir, data } = await dataDir();
    const template = join(dir, 'form.xlsx');
    await run(['template', 'institutions', '--out', template]);
    const forms = join(dir, 'forms');
    await mkdir(forms);
    await fill(template, join(forms, '甲大学-2021.xlsx'), 'U1', 2021, '年报', {
      ...figures(10, 100, [1, 1, 1]),
      patents_held: 'abc',
      income: -5,
    });
    await fill(template, join(forms, 'Z9-2021.xlsx'), 'Z9', 2021, '年报', figures(10, 100, [1, 1, 1]));
    await fill(template, join(forms, 'R1-2021.xlsx'), 'R1', 2021, '年报', figures(10, 100, [1, 1, 1]));
    await fill(template, join(forms, 'R1-2021-again.xlsx'), 'R1', 2021, '年报', figures(11, 100, [1, 1, 1]));
    await fill(template, join(forms, 'H1-noyear.xlsx'), 'H1', '', '年报', figures(11, 100, [1, 1, 1]));
    await writeFile(join(forms, 'notes.docx'), 'not a form');
    const result = await run(['import-reports', forms, '--out', join(data, 'institutions', 'reports.csv')]);
    expect(result.code).toBe(1);
    const message = result.err.join('\n');
    expect(message).toContain('甲大学-2021.xlsx, 表1, D8: found "abc" for patents_held, expected a whole number of 0 or more');
    expect(message).toContain('甲大学-2021.xlsx, 表1, D19: found "-5" for income, expected an amount of 0 or more, in 万元');
    expect(message).toContain('Z9-2021.xlsx, 表1, D3: found the institution Z9, which institutions.csv does not list');
    expect(message).toContain('a second annual report of R1 for 2021 (the first: R1-2021-again.xlsx)');
    expect(message).toContain('H1-noyear.xlsx, 表1, D4: found no year');
    expect(message).toContain('notes.docx: found a .docx');
    await expect(readFile(join(data, 'institutions', 'reports.csv'))).rejects.toThrow();
  });
});
