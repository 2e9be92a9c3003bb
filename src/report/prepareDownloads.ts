import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance } from '../database/duckdb.ts';
import { tableToIPC } from 'apache-arrow';
import type { DownloadFile } from '../lib/report.ts';
import type { Database } from '../database/openDatabase.ts';
import { selectQuery } from '../database/runQueries.ts';
import { csvLine } from './csvLine.ts';
import { arrowTable } from './arrowTable.ts';
import { notesSheet, type WorkbookNotes } from './notesSheet.ts';
import { csvSource, describeCsvTable, readCsvTable } from './readCsvTable.ts';
import { spreadsheetCsvWriter, type CodeNames } from './writeSpreadsheetCsv.ts';
import { tablesWorkbook } from './tablesWorkbook.ts';

/** The downloads of out/data: the files the downloads page lists, and the writing of the slow ones. */
export type Downloads = {
  files: DownloadFile[];
  /** Writes ipindex.xlsx, the Arrow files and the copies for spreadsheets; slow, so it runs while the pages are built. */
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
  return { files, writeTables: () => writeTables(dir, tables, { ...facts, variables, rows }, names) };
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

/**
 * Writes each CSV table of `dir` as `<table>.arrow`, as a sheet of ipindex.xlsx (after the notes
 * sheet) and as `excel/<table>.csv`, reading the tables column by column.
 */
async function writeTables(
  dir: string,
  tables: readonly string[],
  notes: Omit<WorkbookNotes, 'tables'> & { rows: ReadonlyMap<string, number> },
  names: CodeNames,
): Promise<void> {
  // A database of its own: the CSV files are all it reads, and the pipeline's hands out row objects only.
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  const connection = await instance.connect();
  try {
    const workbook = tablesWorkbook(notes.builtAt);
    const described = [];
    for (const table of tables) described.push({ table, ...(await describeCsvTable(connection, join(dir, `${table}.csv`))) });
    await workbook.addSheet(
      notesSheet({ ...notes, tables: described.map(({ table, columns }) => ({ table, columns, rows: notes.rows.get(table) ?? 0 })) }),
    );
    await mkdir(join(dir, 'excel'), { recursive: true });
    const writeSpreadsheetCsv = await spreadsheetCsvWriter(connection, names);
    for (const csv of described) {
      await writeSpreadsheetCsv(csv, join(dir, 'excel', `${csv.table}.csv`));
      const { columns, values, rowCount } = await readCsvTable(connection, csv);
      await workbook.addSheet({ name: csv.table, columns, values, rowCount });
      await writeFile(join(dir, `${csv.table}.arrow`), tableToIPC(arrowTable(columns, values, rowCount), 'file'));
    }
    await workbook.save(join(dir, 'ipindex.xlsx'));
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** The rows of each table as manifest.json records them (writeResults counted them while writing), by file name. */
async function manifestRows(dir: string): Promise<Map<string, number>> {
  const text = await readFile(join(dir, 'manifest.json'), 'utf8').catch(() => null);
  const outputs = text === null ? [] : ((JSON.parse(text) as { outputs?: { file: string; rows: number }[] }).outputs ?? []);
  return new Map(outputs.map((o) => [o.file.replace(/^data\//, ''), o.rows]));
}
