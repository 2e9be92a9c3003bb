import { access, mkdir, readdir, realpath, rename, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { InputError, UsageError, quoteFound, type Problem } from '../lib/InputError.ts';
import { parseCell, parseYear } from '../lib/parseCell.ts';
import { parseDate } from '../lib/parseDate.ts';
import { assertImportTarget } from '../files/assertImportTarget.ts';
import { cellText } from '../files/cellText.ts';
import { readCsvFile } from '../files/readCsvFile.ts';
import { reportFields } from './institutionSchema.ts';
import { formLayout, reportTypes } from './writeReportForm.ts';
import { csvCell } from '../lib/csvCell.ts';

/** One report read from a form: whose, which year, annual or a correction, its values, and where each came from. */
type Report = {
  file: string;
  institution: string;
  year: number;
  correction: boolean;
  /** The day it was filed (ISO), when the form says. */
  filed: string | null;
  values: { field: string; value: number; cell: string }[];
  place: string;
};

/** What import-reports wrote and found. */
export type ReportsImport = {
  out: string;
  forms: number;
  reports: number;
  corrected: number;
  values: number;
  /** Institutions of the register that filed no report for a year some institution reported. */
  missing: { institution: string; year: number }[];
};

const header = 'institution_id,year,field,value,filed,source_file,source_cell';

/**
 * Reads every filled form in a folder (the workbooks writeReportForm.ts makes, or CSV files
 * with a column institution_id, year, report_type and one per field code, a row per report)
 * and writes one long file of the reports, institutions/reports.csv of a data directory. Every
 * value is checked as it is read, each problem named by file, sheet and cell (浙江大学-2023.xlsx,
 * 表1, D12); the institution must be in the register beside --out (institutions.csv) when there
 * is one; a year's second annual report is an error, a correction replaces the annual report.
 * Nothing is written when there is any problem.
 */
export async function importReports(folder: string, out: string): Promise<ReportsImport> {
  await assertReportsTarget(out, folder);
  const entries = (
    await readdir(folder, { withFileTypes: true }).catch(() => {
      throw new UsageError(`import-reports reads a folder of filled forms: ${folder} is not a folder that can be read`);
    })
  )
    .filter((e) => e.isFile() && !e.name.startsWith('.') && !e.name.startsWith('~$'))
    .map((e) => e.name)
    .sort();
  const problems: Problem[] = [];
  const reports: Report[] = [];
  for (const name of entries) {
    const path = join(folder, name);
    const ext = extname(name).toLowerCase();
    if (ext === '.xlsx') reports.push(...(await readFormWorkbook(path, name, problems)));
    else if (ext === '.csv') reports.push(...(await readFormCsv(path, name, problems)));
    else
      problems.push({
        file: name,
        found: `a ${ext || 'file without an extension'}`,
        expected: 'a filled form (.xlsx) or a CSV file of reports; remove other files from the folder',
      });
  }
  if (entries.length === 0)
    problems.push({ file: folder, found: 'an empty folder', expected: 'the filled forms (.xlsx) of the institutions' });

  const register = await readRegisterIds(join(dirname(resolve(out)), 'institutions.csv'));
  if (register !== null) {
    for (const r of reports)
      if (!register.has(r.institution))
        problems.push({
          file: r.place,
          found: `the institution ${r.institution}, which institutions.csv does not list`,
          expected: 'an institution_id of institutions.csv beside the reports',
        });
  }
  const chosen = new Map<string, Report>();
  let corrected = 0;
  for (const key of [...new Set(reports.map((r) => `${r.institution}|${r.year}`))]) {
    const same = reports.filter((r) => `${r.institution}|${r.year}` === key);
    const annual = same.filter((r) => !r.correction);
    const corrections = same.filter((r) => r.correction);
    if (annual.length > 1)
      problems.push({
        file: annual[1]!.place,
        found: `a second annual report of ${annual[1]!.institution} for ${annual[1]!.year} (the first: ${annual[0]!.file})`,
        expected: 'one annual report per institution and year; mark a later one as a correction (更正)',
      });
    if (corrections.length > 1)
      problems.push({
        file: corrections[1]!.place,
        found: `a second correction of ${corrections[1]!.institution} for ${corrections[1]!.year} (the first: ${corrections[0]!.file})`,
        expected: 'one correction per institution and year, holding every field',
      });
    if (corrections.length > 0) corrected += annual.length > 0 ? 1 : 0;
    chosen.set(key, corrections[0] ?? annual[0]!);
  }
  if (problems.length > 0) throw new InputError(problems);

  const kept = [...chosen.values()].sort((a, b) => a.institution.localeCompare(b.institution) || a.year - b.year);
  const lines = [header];
  for (const r of kept)
    for (const v of r.values)
      lines.push([r.institution, String(r.year), v.field, String(v.value), r.filed ?? '', r.file, v.cell].map(csvCell).join(','));
  await mkdir(dirname(out), { recursive: true });
  const partial = `${out}.partial`;
  await writeFile(partial, `${lines.join('\n')}\n`);
  await rename(partial, out);
  const years = [...new Set(kept.map((r) => r.year))].sort();
  const missing =
    register === null
      ? []
      : years.flatMap((year) =>
          [...register]
            .sort()
            .filter((id) => !chosen.has(`${id}|${year}`))
            .map((institution) => ({ institution, year })),
        );
  return { out, forms: entries.length, reports: kept.length, corrected, values: lines.length - 1, missing };
}

/** Reads a filled form: the rows whose column E holds a known code, their value in column D. */
async function readFormWorkbook(path: string, name: string, problems: Problem[]): Promise<Report[]> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.readFile(path);
  } catch {
    problems.push({ file: name, found: 'a file that is not a readable .xlsx workbook', expected: 'the form filled in and saved as .xlsx' });
    return [];
  }
  const sheet = book.worksheets.find((ws) => {
    let found = false;
    ws.eachRow((row) => {
      if (cellText(row.getCell(formLayout.codeColumn).value).text === 'institution_id') found = true;
    });
    return found;
  });
  if (sheet === undefined) {
    problems.push({
      file: name,
      found: "no sheet with the form's field codes in column E",
      expected: 'the form ipindex template institutions writes (表1), filled in',
    });
    return [];
  }
  const cells = new Map<string, { text: string; cell: string; error?: string }>();
  sheet.eachRow((row, number) => {
    const code = cellText(row.getCell(formLayout.codeColumn).value).text;
    if (code === '') return;
    const value = row.getCell(formLayout.valueColumn).value;
    const error = typeof value === 'object' && value !== null && 'error' in value ? String(value.error) : undefined;
    cells.set(code, { text: cellText(value).text, cell: `D${number}`, ...(error === undefined ? {} : { error }) });
  });
  const report = readReport(name, sheet.name, (code) => cells.get(code), problems);
  return report === null ? [] : [report];
}

/** Reads a CSV of reports: a row per report, a column per field code. */
async function readFormCsv(path: string, name: string, problems: Problem[]): Promise<Report[]> {
  let table;
  try {
    table = await readCsvFile(path, name);
  } catch (error) {
    if (error instanceof InputError) {
      problems.push(...error.problems);
      return [];
    }
    throw error;
  }
  const columns = table.header.map((h) => h.normalize('NFKC').trim().toLowerCase());
  const reports: Report[] = [];
  table.rows.forEach(({ row, cells }) => {
    const at = (code: string) => {
      const index = columns.indexOf(code);
      return index === -1 ? undefined : { text: cells[index] ?? '', cell: `row ${row}, column ${code}` };
    };
    const report = readReport(name, null, at, problems);
    if (report !== null) reports.push(report);
  });
  return reports;
}

/** A report from a form's cells, each checked; null when its id or year cannot be read. */
function readReport(
  file: string,
  sheet: string | null,
  cell: (code: string) => { text: string; cell: string; error?: string } | undefined,
  problems: Problem[],
): Report | null {
  const place = (at: string) => (sheet === null ? `${file}, ${at}` : `${file}, ${sheet}, ${at}`);
  const before = problems.length;
  const id = cell('institution_id');
  const institution = id?.text.normalize('NFKC').trim() ?? '';
  if (institution === '')
    problems.push({
      file: place(id?.cell ?? 'institution_id'),
      found: 'no institution ID',
      expected: 'the unified social credit code of the institution',
    });
  const yearCell = cell('year');
  const year = parseYear(yearCell?.text);
  if (year === null)
    problems.push({
      file: place(yearCell?.cell ?? 'year'),
      found: yearCell === undefined || yearCell.text.trim() === '' ? 'no year' : quoteFound(yearCell.text),
      expected: 'the year reported, such as 2023',
    });
  const typeCell = cell('report_type');
  const type = typeCell?.text.normalize('NFKC').trim().toLowerCase() ?? '';
  const correction = type === reportTypes.correction.zh || type === reportTypes.correction.en;
  if (type !== '' && !correction && type !== reportTypes.annual.zh && type !== reportTypes.annual.en) {
    problems.push({ file: place(typeCell!.cell), found: quoteFound(typeCell!.text), expected: '年报 or 更正 (annual or correction)' });
  }
  const filedCell = cell('filed');
  const filed = filedCell === undefined || filedCell.text.trim() === '' ? null : parseDate(filedCell.text);
  if (filedCell !== undefined && filedCell.text.trim() !== '' && filed === null) {
    problems.push({
      file: place(filedCell.cell),
      found: quoteFound(filedCell.text),
      expected: 'the date the report was filed, such as 2024-03-15',
    });
  }
  const values: Report['values'] = [];
  for (const field of reportFields) {
    const found = cell(field.code);
    if (found === undefined) continue;
    if (found.error !== undefined) {
      problems.push({
        file: place(found.cell),
        found: `the Excel error ${found.error} for ${field.code}`,
        expected: 'a number, or an empty cell when not known',
      });
      continue;
    }
    const parsed = parseCell(found.text);
    if (parsed.kind === 'missing') continue;
    const expected = field.kind === 'count' ? 'a whole number of 0 or more' : 'an amount of 0 or more, in 万元';
    if (parsed.kind === 'invalid' || parsed.value < 0 || (field.kind === 'count' && !Number.isInteger(parsed.value))) {
      problems.push({ file: place(found.cell), found: `${quoteFound(found.text)} for ${field.code}`, expected });
      continue;
    }
    values.push({ field: field.code, value: parsed.value, cell: sheet === null ? found.cell : `${sheet}!${found.cell}` });
  }
  if (problems.length > before || year === null) return null;
  return { file, institution, year, correction, filed, values, place: place(id?.cell ?? '') };
}

async function readRegisterIds(path: string): Promise<Set<string> | null> {
  if (
    !(await access(path).then(
      () => true,
      () => false,
    ))
  )
    return null;
  const table = await readCsvFile(path, basename(path));
  const at = table.header.map((h) => h.trim().toLowerCase()).indexOf('institution_id');
  if (at === -1)
    throw new InputError([
      {
        file: 'institutions.csv',
        row: 1,
        column: 'institution_id',
        found: 'no such column',
        expected: 'the register of institutions with a column institution_id',
      },
    ]);
  return new Set(table.rows.map(({ cells }) => (cells[at] ?? '').normalize('NFKC').trim()).filter((id) => id !== ''));
}

/** Refuses an --out inside the folder read, or an existing file that is not an earlier import's. */
async function assertReportsTarget(out: string, folder: string): Promise<void> {
  const target = await realpath(out).catch(() => resolve(out));
  const source = await realpath(folder).catch(() => resolve(folder));
  if (dirname(target) === source)
    throw new UsageError(
      `--out ${out} is in the folder of forms the import reads: write reports.csv into the data directory's institutions/ folder`,
    );
  await assertImportTarget(out, [], {
    name: 'reports.csv',
    header,
    match: 'line',
    notEarlier: 'was not written by ipindex import-reports',
  });
}
