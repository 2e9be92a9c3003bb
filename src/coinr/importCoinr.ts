import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError, UsageError } from '../lib/InputError.ts';
import { readCsvFile } from '../files/readCsvFile.ts';
import { convertCoinr, type CoinrDataDir } from './convertCoinr.ts';

export type ImportCoinrOptions = {
  iData: string;
  iMeta: string;
  outDir: string;
  /** The iData group column whose groups become zones; default: the coarsest. */
  group?: string;
  /** The year of every row when iData has no Time column. */
  year?: number;
};

/**
 * Reads COINr's iData and iMeta tables and writes an ipindex data directory into `outDir` (see
 * convertCoinr), which must not exist yet or be empty. Throws InputError for a problem in the
 * tables, UsageError for an unusable output folder.
 */
export async function importCoinr(options: ImportCoinrOptions): Promise<CoinrDataDir> {
  const existing = await readdir(options.outDir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  if (existing.length > 0) throw new UsageError(`--out ${options.outDir} is not empty: choose a new folder for the data directory`);
  const tables = await Promise.allSettled([readCsvFile(options.iData, options.iData), readCsvFile(options.iMeta, options.iMeta)]);
  const problems = tables.flatMap((t) => (t.status === 'rejected' && t.reason instanceof InputError ? t.reason.problems : []));
  if (problems.length > 0) throw new InputError(problems);
  const [iData, iMeta] = tables.map((t) => {
    if (t.status === 'rejected') throw t.reason;
    return t.value;
  });
  if (iData === undefined || iMeta === undefined) throw new Error('two tables were read');
  const converted = convertCoinr(iData, iMeta, {
    ...(options.group === undefined ? {} : { group: options.group }),
    ...(options.year === undefined ? {} : { year: options.year }),
  });
  await mkdir(options.outDir, { recursive: true });
  for (const file of converted.files) await writeFile(join(options.outDir, file.name), file.text);
  return converted;
}
