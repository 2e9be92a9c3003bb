import { access } from 'node:fs/promises';
import { join } from 'node:path';
import type { Problem } from '../lib/InputError.ts';
import { createRegionMatcher } from '../lib/regionMatcher.ts';
import type { Region } from '../lib/types.ts';
import { hashFile } from './hashFile.ts';
import type { Database } from '../database/openDatabase.ts';
import type { InputFile } from '../dataDir/InputFile.ts';
import { readRegisterFast } from './readRegisterFast.ts';
import { readRegisterFile } from './readRegisterFile.ts';
import type { RegisterFile } from './registerColumns.ts';

/** What a register folder held: the files present (by name), the problems found, each file as the manifest records it. */
export type RegisterFilesRead = { present: Set<string>; problems: Problem[]; inputs: InputFile[] };

/**
 * Reads each file of a register folder (enterprises/, institutions/) that is there into its table
 * register_<name> (made by the stage's 00_tables.sql): by DuckDB's CSV reader when the file is
 * plain (readRegisterFast.ts), else record by record (readRegisterFile.ts).
 */
export async function readRegisterFiles(
  db: Database,
  folder: { dir: string; label: string },
  files: readonly RegisterFile[],
  regions: readonly Region[],
  role: InputFile['role'],
): Promise<RegisterFilesRead> {
  const matcher = createRegionMatcher(regions);
  const regionCodes = regions.map((r) => r.region_code);
  const problems: Problem[] = [];
  const present = new Set<string>();
  const inputs: InputFile[] = [];
  for (const file of files) {
    const path = join(folder.dir, `${file.name}.csv`);
    if (
      !(await access(path).then(
        () => true,
        () => false,
      ))
    )
      continue;
    present.add(file.name);
    // The file is hashed for the manifest while DuckDB reads it.
    const [read, { sha256, bytes }] = await Promise.all([
      readRegisterFast(db, path, file, matcher, regionCodes).then(
        (fast) => fast ?? readRegisterFile(db, folder.dir, folder.label, file, matcher),
      ),
      hashFile(path),
    ]);
    problems.push(...read.problems);
    inputs.push({ file: join(folder.label, `${file.name}.csv`), role, sha256, bytes, rows: read.rows });
  }
  return { present, problems, inputs };
}
