import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Problem } from '../lib/InputError.ts';
import type { Database, Params, Row } from './openDatabase.ts';
import { QueryError } from './QueryError.ts';

/** The folder of SQL files: every figure ipindex publishes is computed by one of them. */
export const queriesDir = fileURLToPath(new URL('../../queries/', import.meta.url));

const cache = new Map<string, string>();

/** The text of a SQL file under queries/, e.g. `composite/10_normalised.sql`. */
export async function readQuery(name: string): Promise<string> {
  let sql = cache.get(name);
  if (sql === undefined) {
    sql = await readFile(join(queriesDir, name), 'utf8');
    cache.set(name, sql);
  }
  return sql;
}

/** Runs one SQL file of queries/ with its parameters; a failure is a QueryError naming the file. */
export async function runQuery(db: Database, name: string, params?: Params): Promise<void> {
  const sql = await readQuery(name);
  try {
    await db.exec(sql, params);
  } catch (error) {
    throw new QueryError(name, error);
  }
}

/** Runs one SQL file of queries/ and returns its rows; a failure is a QueryError naming the file. */
export async function selectQuery<T extends Row>(db: Database, name: string, params?: Params): Promise<T[]> {
  const sql = await readQuery(name);
  try {
    return await db.query<T>(sql, params);
  } catch (error) {
    throw new QueryError(name, error);
  }
}

/** The SQL files of a stage folder (e.g. `staging`), in the order their numbers give. */
export async function stageQueries(stage: string): Promise<string[]> {
  const files = (await readdir(join(queriesDir, stage))).filter((f) => f.endsWith('.sql')).sort();
  return files.map((f) => `${stage}/${f}`);
}

/** Runs every check of queries/checks/ and collects the problems they find. */
export async function runChecks(db: Database): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const name of await stageQueries('checks')) {
    for (const row of await selectQuery<{ file: string; row: number; column: string; found: string; expected: string }>(db, name)) {
      problems.push({ file: row.file, row: row.row, column: row.column, found: row.found, expected: row.expected });
    }
  }
  return problems;
}
