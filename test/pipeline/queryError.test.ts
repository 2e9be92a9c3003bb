import { describe, expect, test } from 'vitest';
import { openDatabase } from '../../src/database/openDatabase.ts';
import { QueryError } from '../../src/database/QueryError.ts';
import { runQuery, selectQuery } from '../../src/database/runQueries.ts';

// A SQL file that fails names itself, so that an internal error says which query broke; the
// message stays DuckDB's, which callers read to tell a user's bad file from a fault.
describe('a failed query', () => {
  test("is a QueryError naming its file, DuckDB's error its cause and its message", async () => {
    const db = await openDatabase();
    // The aggregated scores need the normalised ones, which this database does not have.
    const failed = await runQuery(db, 'composite/61_aggregated.sql').catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(QueryError);
    const error = failed as QueryError;
    expect(error.file).toBe('composite/61_aggregated.sql');
    expect(error.message).toMatch(/^Catalog Error: Table with name normalised does not exist/);
    expect((error.cause as Error).message).toBe(error.message);
    expect(error.stack?.split('\n')[0]).toBe('QueryError: queries/composite/61_aggregated.sql failed');
    const selected = await selectQuery(db, 'report/regions.sql').catch((e: unknown) => e);
    expect((selected as QueryError).file).toBe('report/regions.sql');
    db.close();
  });
});
