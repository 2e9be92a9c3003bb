import { join } from 'node:path';
import { InputError, quoteFound, type Problem } from '../lib/InputError.ts';
import { parseYear } from '../lib/parseCell.ts';
import { streamCsvRecords } from '../files/readCsvFile.ts';

/**
 * The years of a survey whose design.yaml names a year column (`year: <column>`): each
 * respondent's year, checked (a cell that is not a year is a problem with its row), and the
 * distinct years in order. Each year is then estimated as a sample of its own (a wave).
 */
export async function surveyYears(dir: string, label: string, column: string): Promise<number[]> {
  const file = join(label, 'responses.csv');
  const years = new Set<number>();
  const problems: Problem[] = [];
  let at = -2;
  await streamCsvRecords(join(dir, 'responses.csv'), file, (cells, row) => {
    if (at === -2) {
      at = cells.map((c) => c.normalize('NFKC').trim()).indexOf(column);
      if (at === -1)
        problems.push({
          file: join(label, 'design.yaml'),
          column: 'year',
          found: `"${column}", which is not a column of responses.csv`,
          expected: "a year such as 2023, or the column of the respondents' years",
        });
      return;
    }
    if (at < 0 || problems.length > 100 || cells.every((c) => c.trim() === '')) return;
    const year = parseYear(cells[at]);
    if (year === null) problems.push({ file, row, column, found: quoteFound(cells[at] ?? ''), expected: 'a year such as 2023' });
    else years.add(year);
  });
  if (problems.length > 0) throw new InputError(problems);
  return [...years].sort((a, b) => a - b);
}
