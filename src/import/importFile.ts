import { access } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError, type Problem } from '../lib/InputError.ts';
import { createRegionMatcher } from '../lib/regionMatcher.ts';
import type { Variable } from '../lib/types.ts';
import { readCodebook } from '../files/readCodebook.ts';
import { readCsvFile } from '../files/readCsvFile.ts';
import { readRegions } from '../files/readRegions.ts';
import { openDatabase } from '../database/openDatabase.ts';
import { runQuery } from '../database/runQueries.ts';
import { assertImportTarget, longFile } from '../files/assertImportTarget.ts';
import type { ImportResult } from './ImportResult.ts';
import { importLong } from './importLong.ts';
import { importSheet } from './importSheet.ts';
import { readImportMap } from './readImportMap.ts';
import { readSheet } from './readSheet.ts';
import { writeLongCsv } from './writeLongCsv.ts';

/** The bundled data directory: its regions.csv and codebook serve when no other is given. */
export const bundledDataDir = fileURLToPath(new URL('../../data/', import.meta.url));

/** What to import: the source, the map, where the long file goes, and whose regions and codebook. */
export type ImportRequest = {
  source: string;
  map: string;
  out: string;
  /** A data directory with regions.csv and variables.csv; default: that of `out`, else the bundled one. */
  data?: string;
};

/**
 * Imports an Excel sheet or a CSV file by a map into a long observation file (see
 * `importSheet` and `importLong`), and returns what it found, including every row left out.
 * Throws InputError, writing nothing, when the map, the source or a region name is wrong.
 */
export async function importFile(request: ImportRequest): Promise<ImportResult & { dataDir: string }> {
  await assertImportTarget(request.out, [request.source, request.map], longFile);
  const map = await readImportMap(request.map, request.map);
  const dataDir = request.data ?? ((await hasContract(dirname(request.out))) ? dirname(request.out) : bundledDataDir);
  const dataLabel = request.data ?? (dataDir === bundledDataDir ? 'the bundled data/' : dirname(request.out));
  const { regions, codebook } = await readContract(dataDir, dataLabel);
  const sheet = await readSheet(request.source, request.source, map.sheet);
  const matcher = createRegionMatcher(regions);
  const labels = { map: request.map };
  const result =
    map.item === undefined ? importSheet(sheet, map, codebook, matcher, labels) : importLong(sheet, map, codebook, matcher, labels);
  if (result.problems.length === 0) result.problems.push(...(await checkUnits(result, codebook, request.source)));
  if (result.problems.length > 0) throw new InputError(result.problems);
  if (result.values.length === 0)
    throw new InputError([
      { file: request.source, found: 'no values for the variables of the map', expected: 'rows of regions with values' },
    ]);
  await writeLongCsv(request.out, result.values);
  return { ...result, dataDir: dataLabel };
}

/**
 * The units of the source must be the codebook's or convert to them by the table of
 * queries/staging/10_units.sql, which the loader converts with; the values are written as given,
 * in their own unit, so that the conversion happens (and is recorded) where every other does.
 */
async function checkUnits(result: ImportResult, codebook: ReadonlyMap<string, Variable>, file: string): Promise<Problem[]> {
  const pairs = new Map<string, { variable: string; unit: string; row: number }>();
  for (const v of result.values) {
    if (v.unit !== codebook.get(v.variable)?.unit && !pairs.has(`${v.variable} ${v.unit}`)) pairs.set(`${v.variable} ${v.unit}`, v);
  }
  if (pairs.size === 0) return [];
  const db = await openDatabase();
  try {
    await runQuery(db, 'staging/10_units.sql');
    const problems: Problem[] = [];
    for (const { variable, unit, row } of pairs.values()) {
      const to = codebook.get(variable)?.unit ?? '';
      const [found] = await db.query<{ n: bigint | number }>(
        'SELECT count(*) AS n FROM units AS s JOIN units AS d ON s.kind = d.kind WHERE s.unit = $from AND d.unit = $to',
        { from: unit, to },
      );
      if (Number(found?.n ?? 0) === 0) {
        problems.push({
          file,
          row,
          found: `the unit ${JSON.stringify(unit)} for ${variable}`,
          expected: `${JSON.stringify(to)} (the codebook unit of ${variable}) or a unit that converts to it`,
        });
      } else result.notes.push(`${variable} is given in ${unit}: converted to ${to} (the codebook's) when the file is loaded`);
    }
    return problems;
  } finally {
    db.close();
  }
}

async function hasContract(dir: string): Promise<boolean> {
  const exists = (file: string) =>
    access(join(dir, file)).then(
      () => true,
      () => false,
    );
  return (await exists('regions.csv')) && (await exists('variables.csv'));
}

async function readContract(dir: string, label: string) {
  const problems: Problem[] = [];
  const read = (file: string) =>
    readCsvFile(join(dir, file), join(label, file)).catch((error: unknown) => {
      if (error instanceof InputError) problems.push(...error.problems);
      else if ((error as { code?: string }).code === 'ENOENT')
        problems.push({
          file: join(label, file),
          found: 'no such file',
          expected: `${file} of the data directory the import is for (--data)`,
        });
      else throw error;
      return null;
    });
  const regionsTable = await read('regions.csv');
  const codebookTable = await read('variables.csv');
  const { regions, problems: regionProblems } = regionsTable ? readRegions(regionsTable) : { regions: [], problems: [] };
  const { variables, problems: codebookProblems } = codebookTable ? readCodebook(codebookTable) : { variables: [], problems: [] };
  problems.push(...regionProblems, ...codebookProblems);
  if (problems.length > 0) throw new InputError(problems);
  return { regions, codebook: new Map<string, Variable>(variables.map((v) => [v.variable, v])) };
}
