import type { Database } from '../database/openDatabase.ts';

/** Respondents a part holds at least before a pass is split in two. */
const splitFrom = 50_000;

/**
 * Runs a grouped pass over the respondents in two fixed halves of survey_units (by rowid) side
 * by side, one core each, and inserts both results into `table`, the first half's rows first:
 * each half sums in a fixed order on its own thread and the halves are put together in a fixed
 * order, so the sums come out the same at every run, on any machine. The tables the passes
 * write into hold partial sums, added up where they are read (queries/survey/30_, 50_).
 * `select(range)` gives the pass's SELECT for the respondents of a rowid range (a condition
 * on `rowid` that the caller qualifies with its alias). A small survey is one part.
 */
export async function insertInParts(
  db: Database,
  table: string,
  respondents: number,
  select: (range: (rowid: string) => string) => string,
): Promise<void> {
  if (respondents < 2 * splitFrom) {
    await db.exec(`INSERT INTO ${table} BY NAME ${select(() => 'true')}`);
    return;
  }
  const half = Math.ceil(respondents / 2);
  const ranges = [(rowid: string) => `${rowid} < ${half}`, (rowid: string) => `${rowid} >= ${half}`];
  await db.execSideBySide(ranges.map((range, i) => `CREATE TABLE survey_part_${i} AS ${select(range)}`));
  for (const i of ranges.keys()) {
    await db.exec(`INSERT INTO ${table} BY NAME SELECT * FROM survey_part_${i}`);
    await db.exec(`DROP TABLE survey_part_${i}`);
  }
}
