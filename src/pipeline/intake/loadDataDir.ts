import { createHash } from 'node:crypto';
import { access, readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError, type Problem } from '../../lib/InputError.ts';
import type { Method } from '../../lib/methodSchema.ts';
import { createRegionMatcher } from '../../lib/regionMatcher.ts';
import type { FrameworkNode, Observation, Region, Variable } from '../../lib/types.ts';
import { readCodebook } from './readCodebook.ts';
import type { TextEncoding } from './decodeText.ts';
import { readCsvFile } from './readCsvFile.ts';
import { readFramework, type Indicator } from './readFramework.ts';
import { readMethod } from './readMethod.ts';
import { readObservations, type DroppedRow } from './readObservations.ts';
import { readRegions } from './readRegions.ts';

/** An input file as the manifest records it. */
export type InputFile = {
  file: string;
  role: 'regions' | 'codebook' | 'framework' | 'method' | 'observations';
  sha256: string;
  bytes: number;
  encoding?: TextEncoding;
  shape?: 'wide' | 'long';
  rows?: number;
  values?: number;
};

/** Everything a data directory holds, checked against the data contract. */
export type DataDir = {
  regions: Region[];
  variables: Variable[];
  nodes: FrameworkNode[];
  indicators: Indicator[];
  method: Method;
  observations: Observation[];
  dropped: DroppedRow[];
  inputs: InputFile[];
  /**
   * Problems in observation rows. They are returned rather than thrown so that the SQL checks
   * still run on the rows that could be read, and one run reports every problem there is.
   */
  problems: Problem[];
};

const contractFiles = ['regions.csv', 'variables.csv', 'framework.csv', 'method.yaml'];

/**
 * Reads a data directory (see DESIGN.md, "Input contract") and checks it. `label` is how the
 * directory is named in messages, as the user typed it. Throws InputError when the contract
 * files (regions, codebook, framework, method) or the folder itself are unusable.
 */
export async function loadDataDir(dir: string, label = dir): Promise<DataDir> {
  const name = (file: string) => join(label, file);
  const exists = async (file: string) => access(join(dir, file)).then(() => true, () => false);
  try {
    if (!(await stat(dir)).isDirectory()) throw new Error();
  } catch {
    throw new InputError([{ file: label, found: 'no such directory', expected: 'a data directory with regions.csv, variables.csv and framework.csv' }]);
  }
  const problems: Problem[] = [];
  for (const file of ['regions.csv', 'variables.csv', 'framework.csv']) {
    if (!(await exists(file))) problems.push({ file: name(file), found: 'no such file', expected: `${file} in the data directory (see DESIGN.md, "Input contract")` });
  }
  if (problems.length > 0) throw new InputError(problems);

  const inputs: InputFile[] = [];
  const read = async (file: string, role: InputFile['role']) => {
    const table = await readCsvFile(join(dir, file), name(file)).catch((error: unknown) => {
      if (error instanceof InputError) problems.push(...error.problems);
      else throw error;
      return null;
    });
    if (table !== null) inputs.push({ file: name(file), role, ...fingerprint(table.bytes), encoding: table.encoding, rows: table.rows.length });
    return table;
  };

  const regionsTable = await read('regions.csv', 'regions');
  const codebookTable = await read('variables.csv', 'codebook');
  const frameworkTable = await read('framework.csv', 'framework');
  const { regions, problems: regionProblems } = regionsTable ? readRegions(regionsTable) : { regions: [], problems: [] };
  const { variables, problems: codebookProblems } = codebookTable ? readCodebook(codebookTable) : { variables: [], problems: [] };
  const { nodes, indicators, problems: frameworkProblems } = frameworkTable
    ? readFramework(frameworkTable, variables)
    : { nodes: [], indicators: [], problems: [] };
  problems.push(...regionProblems, ...codebookProblems, ...frameworkProblems);

  const methodPath = (await exists('method.yaml')) ? join(dir, 'method.yaml') : null;
  const { method, problems: methodProblems } = await readMethod(methodPath, name('method.yaml'));
  problems.push(...methodProblems);
  if (methodPath !== null) inputs.push({ file: name('method.yaml'), role: 'method', ...fingerprint(await readFile(methodPath)) });

  // Observation files cannot be read without regions and a codebook to read them against.
  if (problems.length > 0) throw new InputError(problems);

  const codebook = new Map(variables.map((v) => [v.variable, v]));
  const matcher = createRegionMatcher(regions);
  const observations: Observation[] = [];
  const dropped: DroppedRow[] = [];
  const observationFiles = (await readdir(dir))
    .filter((f) => f.toLowerCase().endsWith('.csv') && !contractFiles.includes(f))
    .sort();
  if (observationFiles.length === 0) {
    problems.push({ file: label, found: 'no observation files', expected: 'one or more CSV files of observations beside regions.csv' });
  }
  for (const file of observationFiles) {
    const table = await read(file, 'observations');
    if (table === null) continue;
    const result = readObservations(table, codebook, matcher);
    problems.push(...result.problems);
    observations.push(...result.observations);
    dropped.push(...result.dropped);
    const input = inputs.at(-1);
    if (input !== undefined) Object.assign(input, { shape: result.shape, values: result.observations.length });
  }
  return { regions, variables, nodes, indicators, method, observations, dropped, inputs, problems };
}

function fingerprint(bytes: Buffer): { sha256: string; bytes: number } {
  return { sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length };
}
