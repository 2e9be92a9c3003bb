import {
  DuckDBInstance,
  quotedIdentifier,
  quotedString,
  type DuckDBConnection,
  type DuckDBValue,
} from '@duckdb/node-api';

/** Parameters reach SQL through `$name` placeholders, never by splicing text into it. */
export type Params = Record<string, DuckDBValue>;
export type Row = Record<string, unknown>;
/** A value that `append` can write into a typed column: null is SQL NULL. */
export type Cell = string | number | boolean | null;

/** A thin handle on one in-memory DuckDB: run SQL, read rows, append rows, close. */
export type Database = {
  exec(sql: string, params?: Params): Promise<void>;
  query<T extends Row = Row>(sql: string, params?: Params): Promise<T[]>;
  append(table: string, rows: readonly (readonly Cell[])[]): Promise<void>;
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

  return {
    async exec(sql, params) {
      if (hasParams(params)) await connection.run(sql, params);
      else await connection.run(sql);
    },
    async query<T extends Row>(sql: string, params?: Params) {
      const reader = hasParams(params)
        ? await connection.runAndReadAll(sql, params)
        : await connection.runAndReadAll(sql);
      return reader.getRowObjectsJS() as T[];
    },
    async append(table, rows) {
      const appender = await connection.createAppender(table);
      for (const row of rows) {
        for (const cell of row) {
          if (cell === null) appender.appendNull();
          else if (typeof cell === 'number') appender.appendDouble(cell);
          else if (typeof cell === 'boolean') appender.appendBoolean(cell);
          else appender.appendVarchar(cell);
        }
        appender.endRow();
      }
      appender.closeSync();
    },
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

export { quotedIdentifier, quotedString };
