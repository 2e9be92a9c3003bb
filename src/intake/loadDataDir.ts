import { createHash } from 'node:crypto';
import { access, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError, type Problem } from '../lib/InputError.ts';
import { createRegionMatcher } from '../lib/regionMatcher.ts';
import { nationalCode, type Observation } from '../lib/types.ts';
import type { Database } from '../database/openDatabase.ts';
import { runQuery } from '../database/runQueries.ts';
import { readCodebook } from '../files/readCodebook.ts';
import { readCsvFile } from '../files/readCsvFile.ts';
import { readFramework } from './readFramework.ts';
import { readMethod } from './readMethod.ts';
import { readObservationFile } from './readObservations.ts';
import type { IntakeRecord } from '../dataDir/IntakeRecord.ts';
import { readRegions } from '../files/readRegions.ts';
import { findMicrodata } from '../microdata/findMicrodata.ts';
import { classifyEntries } from './classifyEntries.ts';
import type { DataDir } from '../dataDir/DataDir.ts';
import type { InputFile } from '../dataDir/InputFile.ts';
import type { DroppedRow } from '../dataDir/DataDir.ts';

/**
 * Reads a data directory (see DESIGN.md, "Input contract") and checks it. `label` is how the
 * directory is named in messages, as the user typed it. With `db`, the observations go straight
 * into its observations_raw as they are read, so that files of several hundred MB never sit in
 * memory; without it they are returned in `observations`. A `warehouse` (build --microdata)
 * stands in for microdata files, aggregated later by the staging stage. Throws InputError when the contract
 * files (regions, codebook, framework, method) or the folder itself are unusable.
 */
export async function loadDataDir(dir: string, label = dir, db?: Database, warehouse?: DataDir['warehouse']): Promise<DataDir> {
  const name = (file: string) => join(label, file);
  const exists = async (file: string) =>
    access(join(dir, file)).then(
      () => true,
      () => false,
    );
  try {
    if (!(await stat(dir)).isDirectory()) throw new Error();
  } catch {
    throw new InputError([
      { file: label, found: 'no such directory', expected: 'a data directory with regions.csv, variables.csv and framework.csv' },
    ]);
  }
  const problems: Problem[] = [];
  for (const file of ['regions.csv', 'variables.csv', 'framework.csv']) {
    if (!(await exists(file)))
      problems.push({
        file: name(file),
        found: 'no such file',
        expected: `${file} in the data directory (see DESIGN.md, "Input contract")`,
      });
  }
  if (problems.length > 0) throw new InputError(problems);

  const inputs: InputFile[] = [];
  const read = async (file: string, role: InputFile['role']) => {
    const table = await readCsvFile(join(dir, file), name(file)).catch((error: unknown) => {
      if (error instanceof InputError) problems.push(...error.problems);
      else throw error;
      return null;
    });
    if (table !== null)
      inputs.push({ file: name(file), role, ...fingerprint(table.bytes), encoding: table.encoding, rows: table.rows.length });
    return table;
  };

  const regionsTable = await read('regions.csv', 'regions');
  const codebookTable = await read('variables.csv', 'codebook');
  const frameworkTable = await read('framework.csv', 'framework');
  const { regions, problems: regionProblems } = regionsTable ? readRegions(regionsTable) : { regions: [], problems: [] };
  const { variables, problems: codebookProblems } = codebookTable ? readCodebook(codebookTable) : { variables: [], problems: [] };
  const {
    nodes,
    indicators,
    problems: frameworkProblems,
  } = frameworkTable ? readFramework(frameworkTable, variables) : { nodes: [], indicators: [], problems: [] };
  problems.push(...regionProblems, ...codebookProblems, ...frameworkProblems);

  const methodPath = (await exists('method.yaml')) ? join(dir, 'method.yaml') : null;
  const { method, problems: methodProblems, bytes: methodBytes } = await readMethod(methodPath, name('method.yaml'));
  problems.push(...methodProblems);
  if (methodBytes !== undefined) inputs.push({ file: name('method.yaml'), role: 'method', ...fingerprint(methodBytes) });

  // Observation files cannot be read without regions and a codebook to read them against.
  if (problems.length > 0) throw new InputError(problems);

  const codebook = new Map(variables.map((v) => [v.variable, v]));
  const matcher = createRegionMatcher(regions);
  const observations: Observation[] = [];
  const dropped: DroppedRow[] = [];
  const entries = await classifyEntries(dir, label, await readdir(dir));
  problems.push(...entries.problems);
  const found = await findMicrodata(dir, label, entries.microdata);
  problems.push(...found.problems);
  inputs.push(...found.microdata.map((m) => m.input));
  const observationFiles = entries.observations;
  if (
    observationFiles.length === 0 &&
    found.microdata.length === 0 &&
    warehouse === undefined &&
    entries.surveys.length === 0 &&
    !entries.enterprises &&
    !entries.institutions
  ) {
    problems.push({ file: label, found: 'no observation files', expected: 'one or more CSV files of observations beside regions.csv' });
  }
  const intake: IntakeRecord = { files: [], reformatted: [] };
  if (db !== undefined) await runQuery(db, 'staging/00_inputs.sql');
  const streamed = { values: 0, national: 0 };
  for (const file of observationFiles) {
    // Read as a stream, each value appended to DuckDB as it comes: a file may run to hundreds of MB.
    const appender = db === undefined ? null : await db.openAppender('observations_raw');
    let national = 0;
    const sink =
      appender === null
        ? undefined
        : (o: Observation) => {
            if (o.region_code === nationalCode) national += 1;
            appender.row([o.region_code, o.year, o.variable, o.source_value, o.source_unit, o.source_file, o.source_row, o.source_column]);
          };
    const read = await readObservationFile(join(dir, file), name(file), codebook, matcher, sink)
      .catch((error: unknown) => {
        if (error instanceof InputError) problems.push(...error.problems);
        else throw error;
        return null;
      })
      .finally(() => appender?.close());
    if (read === null) {
      // A file that is not readable CSV contributes no values, as if it had been read whole first.
      if (db !== undefined) await db.exec('DELETE FROM observations_raw WHERE source_file = $file', { file: name(file) });
      continue;
    }
    const { source, result } = read;
    streamed.values += result.values;
    streamed.national += national;
    const rowsRead = result.rowsRead ?? 0;
    const blankRows = result.blankRows ?? 0;
    inputs.push({
      file: source.file,
      role: 'observations',
      sha256: source.sha256,
      bytes: source.bytes,
      encoding: source.encoding,
      rows: rowsRead - blankRows,
      shape: result.shape,
      values: result.values,
    });
    intake.files.push({ file: source.file, rows_read: rowsRead, blank_rows: blankRows });
    // Loops, not push(...list): spreading millions of values overflows the call stack.
    for (const p of result.problems) problems.push(p);
    for (const o of result.observations) observations.push(o);
    for (const d of result.dropped) dropped.push(d);
    for (const r of result.reformatted ?? []) intake.reformatted.push(r);
  }
  const data: DataDir = {
    label,
    regions,
    variables,
    nodes,
    indicators,
    method,
    observations,
    dropped,
    inputs,
    problems,
    microdata: found.microdata,
    intake,
    unused: entries.unused,
    surveys: entries.surveys.map((s) => ({ name: s, dir: join(dir, 'surveys', s), label: join(label, 'surveys', s) })),
    ...(entries.enterprises ? { enterprises: { dir: join(dir, 'enterprises'), label: join(label, 'enterprises') } } : {}),
    ...(entries.institutions ? { institutions: { dir: join(dir, 'institutions'), label: join(label, 'institutions') } } : {}),
  };
  if (db !== undefined) data.streamed = streamed;
  if (warehouse !== undefined) data.warehouse = warehouse;
  return data;
}

function fingerprint(bytes: Buffer): { sha256: string; bytes: number } {
  return { sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length };
}
