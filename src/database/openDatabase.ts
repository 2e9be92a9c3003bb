import { DuckDBInstance, quotedIdentifier, quotedString, type DuckDBAppender, type DuckDBConnection, type DuckDBValue } from './duckdb.ts';

/** Parameters reach SQL through `$name` placeholders, never by splicing text into it. */
export type Params = Record<string, DuckDBValue>;
export type Row = Record<string, unknown>;
/** A value that `append` can write into a typed column: null is SQL NULL. */
export type Cell = string | number | boolean | null;

/** Rows written one by one into a table through a DuckDB appender kept open until `close`. */
export type RowAppender = {
  row(cells: readonly Cell[]): void;
  close(): void;
};

/** A thin handle on one in-memory DuckDB: run SQL, read rows, append rows, close. */
export type Database = {
  exec(sql: string, params?: Params): Promise<void>;
  query<T extends Row = Row>(sql: string, params?: Params): Promise<T[]>;
  append(table: string, rows: readonly (readonly Cell[])[]): Promise<void>;
  /** An appender for rows that arrive over time: DuckDB takes them in chunks as they come, so none need be held. */
  openAppender(table: string): Promise<RowAppender>;
  /**
   * Runs the statements side by side, each on a connection of its own. Each runs on one
   * thread, so its sums come out the same at every run; together they use several cores.
   * For work split into fixed parts whose results are then combined (src/survey/cellSums.ts).
   */
  execSideBySide(statements: readonly string[]): Promise<void>;
  close(): void;
};

/** Opens an in-memory DuckDB with the settings every ipindex run relies on. */
export async function openDatabase(): Promise<Database> {
  const instance = await DuckDBInstance.create(':memory:', {
    // Results must not depend on how many threads happened to run a sum.
    threads: '1',
  });
  const connection: DuckDBConnection = await instance.connect();
  const hasParams = (params?: Params) => params !== undefined && Object.keys(params).length > 0;
  // With threads: 1 a query runs on the thread that asked for it, so queries asked for on
  // several connections at once run at once, each in a fixed order.
  const others: DuckDBConnection[] = [];
  let closed = false;

  return {
    async exec(sql, params) {
      if (hasParams(params)) await connection.run(sql, params);
      else await connection.run(sql);
    },
    async query<T extends Row>(sql: string, params?: Params) {
      const reader = hasParams(params) ? await connection.runAndReadAll(sql, params) : await connection.runAndReadAll(sql);
      return reader.getRowObjectsJS() as T[];
    },
    async append(table, rows) {
      const appender = await connection.createAppender(table);
      for (const row of rows) appendRow(appender, row);
      appender.closeSync();
    },
    async openAppender(table) {
      const appender = await connection.createAppender(table);
      return { row: (cells) => appendRow(appender, cells), close: () => appender.closeSync() };
    },
    async execSideBySide(statements) {
      while (others.length < statements.length - 1) others.push(await instance.connect());
      await Promise.all(statements.map((sql, i) => (i === 0 ? connection : others[i - 1]!).run(sql)));
    },
    close() {
      if (closed) return;
      closed = true;
      for (const other of others) other.closeSync();
      connection.closeSync();
      instance.closeSync();
    },
  };
}

function appendRow(appender: DuckDBAppender, cells: readonly Cell[]): void {
  for (const cell of cells) {
    if (cell === null) appender.appendNull();
    else if (typeof cell === 'number') appender.appendDouble(cell);
    else if (typeof cell === 'boolean') appender.appendBoolean(cell);
    else appender.appendVarchar(cell);
  }
  appender.endRow();
}

export { quotedIdentifier, quotedString };
