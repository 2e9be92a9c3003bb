import { join } from 'node:path';
import type { Problem } from '../lib/InputError.ts';
import type { RegionMatcher } from '../lib/regionMatcher.ts';
import { isBlankRecord, streamCsvRecords } from './readCsvFile.ts';
import type { Cell, Database } from '../database/openDatabase.ts';
import { describeKind, readCell } from './readRegisterCell.ts';
import type { RegisterFile } from './registerColumns.ts';

/** What went into a table: its rows, and the problems found (file, row and column each). */
export type RegisterRead = { rows: number; problems: Problem[] };

// Past this many problems in one file the rest would say the same: reading stops counting them.
const problemLimit = 1000;

/**
 * Reads one file of a register folder (enterprises/, institutions/) record by record (any
 * encoding and delimiter the observation files may have) into its table register_<name> (made by
 * the stage's 00_tables.sql), checking every cell against its columns (registerColumns.ts): ids present, regions of regions.csv, years,
 * calendar dates, whole numbers, the words of each choice. A column the schema does not know is
 * left unread. Rows go in whatever their problems: nothing downstream runs when there are any.
 */
export async function readRegisterFile(
  db: Database,
  dir: string,
  label: string,
  file: RegisterFile,
  matcher: RegionMatcher,
): Promise<RegisterRead> {
  const path = join(dir, `${file.name}.csv`);
  const shown = join(label, `${file.name}.csv`);
  const problems: Problem[] = [];
  let index: (number | undefined)[] | null = null;
  let rows = 0;
  const appender = await db.openAppender(`register_${file.name}`);
  try {
    await streamCsvRecords(path, shown, (cells, row) => {
      if (index === null) {
        const header = cells.map((c) => c.normalize('NFKC').trim().toLowerCase());
        index = file.columns.map((c) => {
          const at = header.indexOf(c.name);
          return at === -1 ? undefined : at;
        });
        file.columns.forEach((c, i) => {
          if (c.required && index?.[i] === undefined)
            problems.push({
              file: shown,
              row: 1,
              column: c.name,
              found: 'no such column',
              expected: `a column ${c.name} (${file.columns
                .filter((k) => k.required)
                .map((k) => k.name)
                .join(', ')} are required)`,
            });
        });
        if (file.oneOf !== undefined && !file.oneOf.some((name) => header.includes(name))) {
          problems.push({ file: shown, row: 1, found: 'none of the outcome columns', expected: `one or more of ${file.oneOf.join(', ')}` });
        }
        return;
      }
      if (isBlankRecord(cells)) return;
      rows += 1;
      const values: Cell[] = file.columns.map((column, i) => {
        const at = index?.[i];
        const text = at === undefined ? '' : (cells[at] ?? '');
        const read = readCell(text, column.cell, matcher);
        if ('problem' in read) {
          if (problems.length < problemLimit)
            problems.push({ file: shown, row, column: column.name, found: read.problem, expected: describeKind(column.cell) });
          return null;
        }
        if (read.value === null && column.required && at !== undefined && problems.length < problemLimit) {
          problems.push({ file: shown, row, column: column.name, found: 'an empty cell', expected: describeKind(column.cell) });
        }
        return read.value;
      });
      appender.row([...values, row]);
    });
  } finally {
    appender.close();
  }
  if (index === null)
    problems.push({
      file: shown,
      found: 'an empty file',
      expected: `a header row (${file.columns.map((c) => c.name).join(', ')}) and a row per record`,
    });
  return { rows, problems };
}
