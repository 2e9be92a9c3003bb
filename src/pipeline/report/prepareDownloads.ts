import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '../duckdb.ts';
import { tableToIPC } from 'apache-arrow';
import type { DownloadFile } from '../../lib/report.ts';
import { quotedString, type Database } from '../openDatabase.ts';
import { selectQuery } from '../runQueries.ts';
import { csvLine } from './csvLine.ts';
import { arrowTable } from './arrowTable.ts';
import { tablesWorkbook } from './tablesWorkbook.ts';

/** The downloads of out/data: the files the downloads page lists, and the writing of the slow ones. */
export type Downloads = {
  files: DownloadFile[];
  /** Writes ipindex.xlsx and the Arrow files; slow, so it runs while the pages are built. */
  writeTables: () => Promise<void>;
};

/**
 * Completes out/data for the downloads page: writes ranking.csv at once, and lists every file of
 * the folder together with those `writeTables` will write: each CSV table again as a sheet of
 * ipindex.xlsx and as an Arrow file, so that the three formats hold the same rows.
 */
export async function prepareDownloads(db: Database, dir: string, builtAt: string): Promise<Downloads> {
  const ranking = await selectQuery(db, 'report/ranking.sql');
  const columns = ['year', 'region_code', 'name_zh', 'name_en', 'zone', 'score', 'rank', 'previous_rank', 'rank_change'];
  await writeFile(join(dir, 'ranking.csv'), [csvLine(columns), ...ranking.map((r) => csvLine(columns.map((c) => r[c])))].join('\n') + '\n');

  const entries = await readdir(dir, { withFileTypes: true });
  const existing = entries.filter((e) => e.isFile()).map((e) => e.name);
  const tables = existing.filter((f) => f.endsWith('.csv')).map((f) => f.slice(0, -'.csv'.length)).sort();
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
  const planned = [...tables.map((t) => `${t}.arrow`), 'ipindex.xlsx'];
  const files: DownloadFile[] = [];
  for (const file of [...new Set([...existing, ...planned])].sort()) {
    const dot = file.lastIndexOf('.');
    const name = file.slice(0, dot);
    const format = file.slice(dot + 1);
    const isTable = rows.has(name) && format !== 'sql' && format !== 'json';
    files.push({
      file: `data/${file}`,
      table: isTable ? name : null,
      format,
      bytes: existing.includes(file) ? (await stat(join(dir, file))).size : null,
      rows: isTable ? rows.get(name) ?? null : null,
    });
  }
  return { files, writeTables: () => writeTables(dir, tables, builtAt) };
}

/**
 * Writes each CSV table of `dir` as `<table>.arrow` and as a sheet of ipindex.xlsx, reading the
 * tables column by column: at prefecture level (two million rows) making and collecting an object
 * per row took most of the time.
 */
export async function writeTables(dir: string, tables: readonly string[], builtAt: string): Promise<void> {
  // A database of its own: the CSV files are all it reads, and the pipeline's hands out row objects only.
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  const connection = await instance.connect();
  try {
    const workbook = tablesWorkbook(builtAt);
    for (const table of tables) {
      const { columns, values, rowCount } = await readCsvTable(connection, join(dir, `${table}.csv`));
      await workbook.addSheet({ name: table, columns, values, rowCount });
      await writeFile(join(dir, `${table}.arrow`), tableToIPC(arrowTable(columns, values, rowCount), 'file'));
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
  const outputs = text === null ? [] : (JSON.parse(text) as { outputs?: { file: string; rows: number }[] }).outputs ?? [];
  return new Map(outputs.map((o) => [o.file.replace(/^data\//, ''), o.rows]));
}

function csvSource(path: string, types = ''): string {
  return `read_csv(${quotedString(path)}, header = true${types})`;
}

/** A table read column by column: `values[i][r]` is row r of column i, BIGINT as numbers. */
type ColumnTable = { columns: string[]; values: unknown[][]; rowCount: number };

/** Reads a CSV table back with DuckDB's type detection, keeping codes as text (110000 is a name, not a number). */
async function readCsvTable(connection: DuckDBConnection, path: string): Promise<ColumnTable> {
  const described = await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${csvSource(path)}`);
  const columns = described.getColumnsObjectJS()['column_name']?.map(String) ?? [];
  const codes = columns.filter((c) => c === 'code' || c.endsWith('_code'));
  const types = codes.length === 0 ? '' : `, types = {${codes.map((c) => `${quotedString(c)}: 'VARCHAR'`).join(', ')}}`;
  const reader = await connection.runAndReadAll(`SELECT * FROM ${csvSource(path, types)}`);
  const values: unknown[][] = reader.getColumnsJS();
  // The columns are fresh arrays made for this query: changed in place, not copied (up to a million rows).
  for (const column of values) {
    for (let r = 0; r < column.length; r++) {
      const value = column[r];
      if (typeof value === 'bigint') column[r] = Number(value);
    }
  }
  return { columns, values, rowCount: reader.currentRowCount };
}
