import type { Problem } from '../lib/InputError.ts';

/** A row of a check of queries/microdata/checks/, as DuckDB or a warehouse returns it. */
export type CheckRow = { file: string; row: number | null; column: string | null; found: string; expected: string };

/** A check's row as a problem: no row number or column where the check has none. */
export function checkProblem(row: CheckRow): Problem {
  return {
    file: row.file,
    ...(row.row === null ? {} : { row: Number(row.row) }),
    ...(row.column === null ? {} : { column: row.column }),
    found: row.found,
    expected: row.expected,
  };
}
