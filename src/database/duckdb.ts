import { createRequire } from 'node:module';
import type * as DuckDB from '@duckdb/node-api';

// DuckDB's Node API is CommonJS. Imported as an ES module, Node first scans every file it
// re-exports for the names it exports, which costs about 70 ms at each start of the command;
// required, it loads in half the time. The types are the package's own.
const duckdb = createRequire(import.meta.url)('@duckdb/node-api') as typeof DuckDB;

export const { DuckDBInstance, quotedIdentifier, quotedString, structValue } = duckdb;
export type { DuckDBAppender, DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
