import { join } from 'node:path';
import { InputError, quoteFound, type Problem } from '../lib/InputError.ts';
import { parseCell } from '../lib/parseCell.ts';
import { readCsvFile } from '../files/readCsvFile.ts';
import type { Database } from '../database/openDatabase.ts';
import { runQuery, selectQuery } from '../database/runQueries.ts';
import type { Design } from './designSchema.ts';
import type { SurveyFiles } from './SurveyFiles.ts';

type Calibrate = NonNullable<Design['calibrate']>;

// R's grake stops at a misfit of 1e-7; the estimates here are held to 1e-9 of R's, so the
// weights are held to the margins far closer.
const tolerance = 1e-13;
const maxSweeps = 500;

/**
 * Reads each margin file (`category, total`) into survey_margins and checks it against the
 * data: every category respondents have needs a total, every total a respondent, totals above 0,
 * and all margins the same population total.
 */
export async function loadMargins(db: Database, files: SurveyFiles, calibrate: Calibrate): Promise<Problem[]> {
  const problems: Problem[] = [];
  const populations: { file: string; total: number }[] = [];
  for (const [column, file] of Object.entries(calibrate.margins)) {
    const table = await readCsvFile(join(files.dir, file), join(files.label, file));
    const at = (name: string) => table.header.indexOf(name);
    if (at('category') === -1 || at('total') === -1) {
      problems.push({ file: table.file, row: 1, found: `the header ${table.header.join(', ')}`, expected: 'the columns category, total' });
      continue;
    }
    let sum = 0;
    for (const { row, cells } of table.rows) {
      const total = parseCell(cells[at('total')]);
      if (total.kind !== 'number' || total.value <= 0)
        problems.push({
          file: table.file,
          row,
          column: 'total',
          found: quoteFound(cells[at('total')] ?? ''),
          expected: 'a population total above 0',
        });
      else {
        sum += total.value;
        await db.exec('INSERT INTO survey_margins VALUES ($m, $c, $t)', {
          m: column,
          c: (cells[at('category')] ?? '').normalize('NFKC').trim(),
          t: total.value,
        });
      }
    }
    populations.push({ file: table.file, total: sum });
    const unmatched = await db.query<{ category: string; side: string }>(
      `
      SELECT category, 'data' AS side FROM (SELECT DISTINCT category FROM survey_calibration WHERE margin = $m)
      WHERE category NOT IN (SELECT category FROM survey_margins WHERE margin = $m)
      UNION ALL
      SELECT category, 'margin' FROM survey_margins WHERE margin = $m AND category NOT IN (SELECT category FROM survey_calibration WHERE margin = $m)
      ORDER BY side, category`,
      { m: column },
    );
    for (const { category, side } of unmatched) {
      problems.push(
        side === 'data'
          ? {
              file: table.file,
              found: `no total for the category ${quoteFound(category)} of ${column}, which respondents have`,
              expected: `a row for every category of ${column} in responses.csv`,
            }
          : {
              file: table.file,
              found: `the category ${quoteFound(category)}, which no respondent has`,
              expected: `categories of ${column} in responses.csv (a category without respondents cannot be weighted)`,
            },
      );
    }
  }
  const [first, ...others] = populations;
  for (const other of others) {
    if (first !== undefined && Math.abs(other.total - first.total) > 1e-9 * Math.abs(first.total)) {
      problems.push({
        file: other.file,
        column: 'total',
        found: `totals adding up to ${other.total}`,
        expected: `the population of the other margins, ${first.total} (${first.file})`,
      });
    }
  }
  return problems;
}

/**
 * Calibrates the full-sample weights to the margins (queries/survey/20_calibration_sweep.sql),
 * margin after margin until every margin is met; throws InputError when they cannot all be met
 * after maxSweeps rounds, naming the worst margin.
 */
export async function calibrateWeights(db: Database, calibrate: Calibrate, label: string): Promise<number> {
  const margins = Object.keys(calibrate.margins);
  const method = calibrate.method === 'rake' ? 'rake' : 'linear';
  for (let sweep = 1; sweep <= maxSweeps; sweep++) {
    for (const margin of margins) await runQuery(db, 'survey/20_calibration_sweep.sql', { margin, method });
    const [worst] = await selectQuery<{ margin: string; category: string; misfit: number }>(db, 'survey/21_calibration_misfit.sql');
    if (worst === undefined || worst.misfit < tolerance) return sweep;
    if (sweep === maxSweeps) {
      throw new InputError([
        {
          file: label,
          column: 'calibrate',
          found: `${calibrate.method} calibration that does not converge: after ${maxSweeps} rounds the margin ${worst.margin} is still off by ${worst.misfit.toExponential(2)} of its total in category ${quoteFound(worst.category)}`,
          expected:
            'margins that the sample can meet (no category of one margin made only of respondents of categories of another that the margins fix otherwise)',
        },
      ]);
    }
  }
  return maxSweeps;
}

/**
 * Replaces each calibrated estimate's influence by the residual of the calibration regression
 * (queries/survey/41_ to 44_), fitted margin by margin until no category holds a mean.
 */
export async function calibratedInfluence(db: Database, calibrate: Calibrate): Promise<void> {
  const margins = Object.keys(calibrate.margins);
  await runQuery(db, 'survey/41_calibrated_influence.sql');
  for (let sweep = 1; sweep <= maxSweeps; sweep++) {
    for (const margin of margins) await runQuery(db, 'survey/42_residual_sweep.sql', { margin });
    if (margins.length === 1) break;
    const [left] = await selectQuery<{ misfit: number | null }>(db, 'survey/43_residual_misfit.sql');
    if ((left?.misfit ?? 0) < 1e-15) break;
  }
  await runQuery(db, 'survey/44_residual_influence.sql');
}
