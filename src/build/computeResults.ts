import { InputError, type Problem } from '../lib/InputError.ts';
import type { StageLog } from './createStageLog.ts';
import { countValues } from '../intake/countValues.ts';
import type { DataDir } from '../dataDir/DataDir.ts';
import { microdataCached } from '../microdata/microdataCached.ts';
import type { Database } from '../database/openDatabase.ts';
import { runChecks } from '../database/runQueries.ts';
import { type AccountsRun, describeAccounts, runAccounts } from '../accounts/runAccounts.ts';
import { describeComposite, runComposite } from '../composite/runComposite.ts';
import { describeUncertainty, runUncertainty } from '../uncertainty/runUncertainty.ts';
import { runIndicators } from '../indicators/runIndicators.ts';
import { runStaging } from '../staging/runStaging.ts';

/** What a run computed besides its tables: the generated indicator SQL, for the record. */
export type Computed = { indicatorsSql: string; accounts: AccountsRun };

/**
 * Runs the SQL of queries/ over a data directory, stage by stage, in this order: staging,
 * checks, indicators, composite, uncertainty, accounts; then waits for the microdata cache being written. Leaves the tables `observations`, `indicators` and `scores` in
 * `db`. Throws InputError with the problems intake found together with those of queries/checks/.
 */
export async function computeResults(db: Database, data: DataDir, log: StageLog): Promise<Computed> {
  const microdataProblems = await log('staging', () => runStaging(db, data), () =>
    `${countValues(data).toLocaleString('en-US')} values of ${data.variables.length} variables${describeMicrodata(data)}`);

  const problems = await log('checks', async () => [...data.problems, ...microdataProblems, ...(await runChecks(db))], (p) =>
    p.length === 0 ? 'no problems' : `${p.length} problems`);
  if (problems.length > 0) throw new InputError(problems.sort(byPlace));

  const indicatorsSql = await log('indicators', () => runIndicators(db, data), () =>
    `${data.indicators.length} indicators x ${data.regions.length} regions`);
  // A first build of microdata CSVs writes their Parquet copies from here on, on the core that
  // the single-threaded stages below leave free.
  const cached = microdataCached(data.microdata);
  await log('composite', () => runComposite(db, data), (summary) => describeComposite(data, summary));
  await log('uncertainty', () => runUncertainty(db, data), (run) => describeUncertainty(data, run.sampled));
  const accounts = await log('accounts', () => runAccounts(db, data), describeAccounts);
  if (cached !== null) await log('cache', () => cached, (lines) => lines.join('; '));
  return { indicatorsSql, accounts };
}

/** The staging line's note on microdata: how many records were aggregated into how many values. */
function describeMicrodata(data: DataDir): string {
  const inputs = (data.microdata ?? []).map((m) => m.input);
  if (inputs.length === 0) return '';
  const records = inputs.reduce((n, i) => n + (i.rows ?? 0), 0);
  const values = inputs.reduce((n, i) => n + (i.values ?? 0), 0);
  return ` + ${values.toLocaleString('en-US')} from ${records.toLocaleString('en-US')} records`;
}

/** Orders problems as a reader goes through the files: by file, then row, then column. */
function byPlace(a: Problem, b: Problem): number {
  return a.file.localeCompare(b.file) || (a.row ?? 0) - (b.row ?? 0) || (a.column ?? '').localeCompare(b.column ?? '');
}
