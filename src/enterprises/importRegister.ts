import { access, mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { describeValue, InputError, type Problem } from '../lib/InputError.ts';
import { createRegionMatcher } from '../lib/regionMatcher.ts';
import { readCsvFile } from '../files/readCsvFile.ts';
import { readRegions } from '../files/readRegions.ts';
import { readYamlFile } from '../files/readYamlFile.ts';
import { assertImportTarget } from '../files/assertImportTarget.ts';
import { bundledDataDir } from '../import/importFile.ts';
import { readSheet } from '../import/readSheet.ts';
import { describeKind, readCell } from '../files/readRegisterCell.ts';
import type { RegisterFile } from '../files/registerColumns.ts';
import { registerFiles } from './registerSchema.ts';
import { csvCell } from '../lib/csvCell.ts';

const text = z.string().trim().min(1);

/**
 * An import map for a file of the enterprise register (`ipindex import register.xlsx --map
 * map.yaml --out DATA_DIR/enterprises/enterprises.csv`): which file of enterprises/ the source
 * is, its worksheet, and for each column of that file the header of its column in the source.
 */
const registerMapSchema = z.strictObject({
  register: z.enum(registerFiles.map((f) => f.name) as [RegisterFile['name'], ...RegisterFile['name'][]]),
  sheet: z.union([text, z.number().int().min(1)]).optional(),
  columns: z.record(z.string(), text),
});

/** Whether a map's text is a register map (it has the key `register`), for `ipindex import` to choose. */
export async function isRegisterMap(path: string): Promise<boolean> {
  const read = await readYamlFile(path, path, 'an import map (YAML)');
  return !('problem' in read) && typeof read.value === 'object' && read.value !== null && 'register' in read.value;
}

/** What a register import wrote: the file, its records, the columns mapped. */
export type RegisterImport = { out: string; register: RegisterFile['name']; records: number; columns: string[] };

/**
 * Imports a register exported as a workbook (or a CSV file) into the file of enterprises/ the
 * map names: the header row is the first that holds every header the map gives; every row
 * below it with any cell becomes a record, its cells checked as the build checks them
 * (readRegisterCell.ts) so that a problem is named by sheet and cell (e.g. 企业名录.xlsx, sheet
 * 登记, D12); the file is written in the columns of registerSchema.ts, whole or not at all.
 * Regions are checked against the regions.csv of the data directory the file goes into (or the
 * bundled one) and written as the source gives them.
 */
export async function importRegister(request: { source: string; map: string; out: string }): Promise<RegisterImport> {
  const map = await readRegisterMap(request.map);
  const file = registerFiles.find((f) => f.name === map.register)!;
  const columns = file.columns.filter((c) => map.columns[c.name] !== undefined);
  const header = columns.map((c) => c.name).join(',');
  await assertImportTarget(request.out, [request.source, request.map], {
    name: 'the register file',
    header,
    match: 'line',
    notEarlier: 'is not an earlier import of these columns',
  });

  const dataDir = dirname(dirname(resolve(request.out)));
  const regionsFile = (await access(join(dataDir, 'regions.csv')).then(
    () => true,
    () => false,
  ))
    ? join(dataDir, 'regions.csv')
    : join(bundledDataDir, 'regions.csv');
  const { regions, problems: regionProblems } = readRegions(await readCsvFile(regionsFile, 'regions.csv'));
  if (regionProblems.length > 0) throw new InputError(regionProblems);
  const matcher = createRegionMatcher(regions);

  const sheet = await readSheet(request.source, request.source, map.sheet);
  const where = (row: number, col?: number) => ({
    file: sheet.kind === 'xlsx' ? `${sheet.file}, sheet ${sheet.name}` : sheet.file,
    row,
    ...(col === undefined ? {} : { column: `${columnLetter(col)}` }),
  });
  const normal = (s: string) => s.normalize('NFKC').trim();
  const wanted = columns.map((c) => normal(map.columns[c.name]!));
  const headerRow = sheet.rows.find((r) => wanted.every((h) => r.cells.some((cell) => normal(cell.text) === h)));
  if (headerRow === undefined) {
    const seen = new Set(sheet.rows.flatMap((r) => r.cells.map((c) => normal(c.text))));
    const missing = columns.filter((_, i) => !seen.has(wanted[i]!)).map((c) => `${c.name}: "${map.columns[c.name]}"`);
    throw new InputError([
      {
        file: where(1).file,
        found: missing.length > 0 ? `no column headed ${missing.join(', ')}` : 'no row holding all the headers of the map',
        expected: `a header row with the columns the map names (${request.map})`,
      },
    ]);
  }
  const at = wanted.map((h) => headerRow.cells.findIndex((cell) => normal(cell.text) === h));
  const problems: Problem[] = [];
  const records: string[] = [];
  for (const row of sheet.rows) {
    if (row.row <= headerRow.row) continue;
    const cells = at.map((i) => row.cells[i]);
    if (cells.every((c) => c === undefined || c.text.trim() === '')) continue;
    cells.forEach((cell, i) => {
      const column = columns[i]!;
      const place = { ...where(row.row, at[i]! + 1), column: `${columnLetter(at[i]! + 1)} (${column.name})` };
      if (cell?.error !== undefined) {
        problems.push({ ...place, found: `the Excel error ${cell.error}`, expected: describeKind(column.cell) });
        return;
      }
      const read = readCell(cell?.text ?? '', column.cell, matcher);
      if ('problem' in read) problems.push({ ...place, found: read.problem, expected: describeKind(column.cell) });
      else if (read.value === null && column.required)
        problems.push({ ...place, found: 'an empty cell', expected: describeKind(column.cell) });
    });
    records.push(cells.map((c) => csvCell(c?.text.trim() ?? '')).join(','));
  }
  if (problems.length > 0) throw new InputError(problems);
  if (records.length === 0)
    throw new InputError([
      {
        file: where(headerRow.row).file,
        row: headerRow.row,
        found: 'no records below the header row',
        expected: `a row per record of ${file.name}.csv`,
      },
    ]);
  await mkdir(dirname(request.out), { recursive: true });
  const partial = `${request.out}.partial`;
  await writeFile(partial, `${header}\n${records.join('\n')}\n`);
  await rename(partial, request.out);
  return { out: request.out, register: file.name, records: records.length, columns: columns.map((c) => c.name) };
}

async function readRegisterMap(path: string): Promise<z.infer<typeof registerMapSchema>> {
  const read = await readYamlFile(
    path,
    path,
    'an import map (YAML) saying which file of enterprises/ the source is and which column is which',
  );
  if ('problem' in read) throw new InputError([read.problem]);
  const parsed = registerMapSchema.safeParse(read.value ?? {});
  if (!parsed.success) {
    throw new InputError(
      parsed.error.issues.map((issue) => ({
        file: path,
        column: issue.path.map(String).join('.') || undefined,
        found:
          issue.code === 'unrecognized_keys'
            ? `the unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`
            : describeValue(issue.path.reduce<unknown>((v, k) => (v as Record<PropertyKey, unknown> | undefined)?.[k], read.value)),
        expected:
          issue.path[0] === 'register'
            ? `one of ${registerFiles.map((f) => f.name).join(', ')}`
            : issue.code === 'unrecognized_keys'
              ? 'register, sheet and columns'
              : issue.message,
      })),
    );
  }
  const file = registerFiles.find((f) => f.name === parsed.data.register)!;
  const known = new Set(file.columns.map((c) => c.name));
  const problems: Problem[] = [
    ...Object.keys(parsed.data.columns)
      .filter((name) => !known.has(name))
      .map((name) => ({
        file: path,
        column: `columns.${name}`,
        found: `the column ${name}, which ${file.name}.csv does not have`,
        expected: `one of ${[...known].join(', ')}`,
      })),
    ...file.columns
      .filter((c) => c.required && parsed.data.columns[c.name] === undefined)
      .map((c) => ({
        file: path,
        column: 'columns',
        found: `no header for ${c.name}`,
        expected: `the header of each required column of ${file.name}.csv (${file.columns
          .filter((k) => k.required)
          .map((k) => k.name)
          .join(', ')})`,
      })),
  ];
  if (problems.length > 0) throw new InputError(problems);
  return parsed.data;
}

/** A spreadsheet's column letters: 1 is A, 27 is AA. */
function columnLetter(n: number): string {
  let letters = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) letters = String.fromCharCode(65 + ((k - 1) % 26)) + letters;
  return letters;
}
