import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tableToIPC } from 'apache-arrow';
import { DuckDBInstance } from '../database/duckdb.ts';
import { arrowTable } from './arrowTable.ts';
import { notesSheet, type WorkbookNotes } from './notesSheet.ts';
import { describeCsvTable, readCsvTable } from './readCsvTable.ts';
import { tablesWorkbook } from './tablesWorkbook.ts';
import { spreadsheetCsvWriter, type CodeNames } from './writeSpreadsheetCsv.ts';

/** What writeTables is given: the folder, its CSV tables, the workbook's notes and the names of the codes. */
export type TablesTask = {
  dir: string;
  tables: readonly string[];
  notes: Omit<WorkbookNotes, 'tables'> & { rows: ReadonlyMap<string, number> };
  names: CodeNames;
};

/**
 * Writes each CSV table of `dir` as `<table>.arrow`, as a sheet of ipindex.xlsx (after the notes
 * sheet) and as `excel/<table>.csv`, reading the tables column by column.
 */
export async function writeTables({ dir, tables, notes, names }: TablesTask): Promise<void> {
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
      // Parsed once, for the copy for spreadsheets and for the sheet and the Arrow file.
      await connection.run(`CREATE OR REPLACE TEMP TABLE published_table AS SELECT * FROM ${csv.source}`);
      const read = { ...csv, source: 'published_table' };
      await writeSpreadsheetCsv(read, join(dir, 'excel', `${csv.table}.csv`));
      const { columns, values, rowCount } = await readCsvTable(connection, read);
      await workbook.addSheet({ name: csv.table, columns, values, rowCount });
      await writeFile(join(dir, `${csv.table}.arrow`), tableToIPC(arrowTable(columns, values, rowCount), 'file'));
    }
    await connection.run('DROP TABLE IF EXISTS published_table');
    await workbook.save(join(dir, 'ipindex.xlsx'));
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
