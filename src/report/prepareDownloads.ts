import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DownloadFile } from '../lib/report.ts';
import { startWorker, workerResult } from '../lib/startWorker.ts';
import type { Database } from '../database/openDatabase.ts';
import { selectQuery } from '../database/runQueries.ts';
import { csvLine } from './csvLine.ts';
import type { WorkbookNotes } from './notesSheet.ts';
import { csvSource } from './readCsvTable.ts';
import type { CodeNames } from './writeSpreadsheetCsv.ts';
import type { TablesTask } from './writeTables.ts';

/** The downloads of out/data: the files the downloads page lists, and the writing of the slow ones. */
export type Downloads = {
  files: DownloadFile[];
  /**
   * Writes ipindex.xlsx, the Arrow files and the copies for spreadsheets (writeTables.ts). Slow, so
   * it runs in a thread of its own, while the report is assembled and the pages are built.
   */
  writeTables: () => Promise<void>;
};

/** What the workbook's notes say of the report besides its tables (notesSheet.ts). */
export type ReportFacts = Pick<WorkbookNotes, 'sample' | 'scope' | 'builtAt' | 'version'>;

/**
 * Completes out/data for the downloads page: writes ranking.csv at once, and lists every file of
 * the folder together with those `writeTables` will write: each CSV table again as a sheet of
 * ipindex.xlsx (after a notes sheet), as an Arrow file and as a CSV for spreadsheets in
 * data/excel/ (writeSpreadsheetCsv.ts), so that the four hold the same rows.
 */
export async function prepareDownloads(db: Database, dir: string, facts: ReportFacts): Promise<Downloads> {
  const ranking = await selectQuery(db, 'report/ranking.sql');
  const columns = ['year', 'region_code', 'name_zh', 'name_en', 'zone', 'score', 'rank', 'previous_rank', 'rank_change'];
  await writeFile(join(dir, 'ranking.csv'), [csvLine(columns), ...ranking.map((r) => csvLine(columns.map((c) => r[c])))].join('\n') + '\n');

  const entries = await readdir(dir, { withFileTypes: true });
  const existing = entries.filter((e) => e.isFile()).map((e) => e.name);
  const tables = existing
    .filter((f) => f.endsWith('.csv'))
    .map((f) => f.slice(0, -'.csv'.length))
    .sort();
  const recorded = await manifestRows(dir);
  const rows = new Map<string, number>();
  for (const table of tables) {
    let n = recorded.get(`${table}.csv`);
    if (n === undefined) {
      const [count] = await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${csvSource(join(dir, `${table}.csv`))}`);
      n = count?.n ?? 0;
    }
    rows.set(table, n);
  }
  const planned = [...tables.map((t) => `${t}.arrow`), ...tables.map((t) => `excel/${t}.csv`), 'ipindex.xlsx'];
  const files: DownloadFile[] = [];
  for (const file of [...new Set([...existing, ...planned])].sort()) {
    const dot = file.lastIndexOf('.');
    const name = file.slice(0, dot);
    const format = file.slice(dot + 1);
    const excel = name.startsWith('excel/');
    const table = excel ? name.slice('excel/'.length) : name;
    const isTable = rows.has(table) && format !== 'sql' && format !== 'json';
    files.push({
      file: `data/${file}`,
      table: isTable ? table : null,
      format: excel ? 'csv-excel' : format,
      bytes: existing.includes(file) ? (await stat(join(dir, file))).size : null,
      rows: isTable ? (rows.get(table) ?? null) : null,
    });
  }
  const names = await codeNames(db);
  const variables = await db.query<WorkbookNotes['variables'][number]>(
    'SELECT variable, name_zh, name_en, unit, source FROM variables ORDER BY variable',
  );
  const task: TablesTask = { dir, tables, notes: { ...facts, variables, rows }, names };
  return {
    files,
    writeTables: () =>
      workerResult(startWorker(import.meta.url, './tablesWorker.ts', { workerData: task }), 'the writer of the workbook and Arrow files'),
  };
}

/** The names of the codes the tables hold: regions, framework nodes, variables (in Chinese), with the units of nodes and variables. */
async function codeNames(db: Database): Promise<CodeNames> {
  const named = async (sql: string) =>
    new Map(
      (await db.query<{ code: string; name: string; unit: string | null }>(sql)).map((r) => [
        r.code,
        { name: r.name, ...(r.unit === null ? {} : { unit: r.unit }) },
      ]),
    );
  return {
    regions: await named('SELECT region_code AS code, name_zh AS name, NULL AS unit FROM regions'),
    nodes: await named('SELECT code, name_zh AS name, unit FROM framework'),
    variables: await named('SELECT variable AS code, name_zh AS name, unit FROM variables'),
  };
}

/** The rows of each table as manifest.json records them (writeResults counted them while writing), by file name. */
async function manifestRows(dir: string): Promise<Map<string, number>> {
  const text = await readFile(join(dir, 'manifest.json'), 'utf8').catch(() => null);
  const outputs = text === null ? [] : ((JSON.parse(text) as { outputs?: { file: string; rows: number }[] }).outputs ?? []);
  return new Map(outputs.map((o) => [o.file.replace(/^data\//, ''), o.rows]));
}
