import type { DuckDBConnection } from '../database/duckdb.ts';
import { quotedIdentifier, quotedString } from '../database/openDatabase.ts';

/** A table read column by column: `values[i][r]` is row r of column i, BIGINT as numbers. */
export type ColumnTable = { columns: string[]; values: unknown[][]; rowCount: number };

/** A published CSV table as DuckDB reads it: its columns, their types, and what to read it from (the `read_csv(...)` that reads it so, or a table made from it). */
export type PublishedCsv = { columns: string[]; types: Record<string, string>; source: string };

/** DuckDB's reading of a CSV file with a header, with `types` for some of its columns. */
export function csvSource(path: string, types = ''): string {
  return `read_csv(${quotedString(path)}, header = true${types})`;
}

/**
 * How a published CSV table is read back: with DuckDB's type detection, keeping codes as text
 * (110000 is a name, not a number).
 */
export async function describeCsvTable(connection: DuckDBConnection, path: string): Promise<PublishedCsv> {
  const described = (await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${csvSource(path)}`)).getColumnsObjectJS();
  const columns = described['column_name']?.map(String) ?? [];
  const detected = described['column_type']?.map(String) ?? [];
  const codes = columns.filter((c) => c === 'code' || c.endsWith('_code'));
  const types = Object.fromEntries(columns.map((c, i) => [c, codes.includes(c) ? 'VARCHAR' : (detected[i] ?? 'VARCHAR')]));
  const source = csvSource(path, codes.length === 0 ? '' : `, types = {${codes.map((c) => `${quotedString(c)}: 'VARCHAR'`).join(', ')}}`);
  return { columns, types, source };
}

/**
 * Reads a published CSV table back column by column (describeCsvTable). Column by column, as
 * making and collecting an object per row took most of the time at prefecture level (two
 * million rows). A column of text with few distinct values (codes, names, stages) is read as an
 * ENUM, whose values DuckDB hands over once, not decoded into a new string in every row: that
 * was half the time of reading the tables.
 */
export async function readCsvTable(connection: DuckDBConnection, table: PublishedCsv): Promise<ColumnTable> {
  const few = await fewValued(connection, table);
  const select = table.columns.map((c) =>
    few.has(c) ? `CAST(${quotedIdentifier(c)} AS ${few.get(c)}) AS ${quotedIdentifier(c)}` : quotedIdentifier(c),
  );
  const reader = await connection.runAndReadAll(`SELECT ${select.join(', ') || '*'} FROM ${table.source}`);
  const values: unknown[][] = reader.getColumnsJS();
  // The columns are fresh arrays made for this query: changed in place, not copied (up to a million rows).
  for (const column of values) {
    for (let r = 0; r < column.length; r++) {
      const value = column[r];
      if (typeof value === 'bigint') column[r] = Number(value);
    }
  }
  return { columns: table.columns, values, rowCount: reader.currentRowCount };
}

/** At most this many distinct values make a column of text an ENUM (readCsvTable). */
const enumLimit = 65536;

/** The columns of text of the table with at most enumLimit distinct values, each with the ENUM type made of its values. */
async function fewValued(connection: DuckDBConnection, table: PublishedCsv): Promise<Map<string, string>> {
  const texts = table.columns.filter((c) => table.types[c] === 'VARCHAR');
  if (texts.length === 0) return new Map();
  const counts = (
    await connection.runAndReadAll(`SELECT ${texts.map((c) => `count(DISTINCT ${quotedIdentifier(c)})`).join(', ')} FROM ${table.source}`)
  ).getRowsJS()[0]!;
  const few = new Map<string, string>();
  for (const [i, column] of texts.entries()) {
    const count = Number(counts[i]);
    if (count === 0 || count > enumLimit) continue;
    const type = `published_text_${i}`;
    const name = quotedIdentifier(column);
    await connection.run(`CREATE OR REPLACE TYPE ${type} AS ENUM (SELECT DISTINCT ${name} FROM ${table.source} WHERE ${name} IS NOT NULL)`);
    few.set(column, type);
  }
  return few;
}
