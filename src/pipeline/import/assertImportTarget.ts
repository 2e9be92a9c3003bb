import { open, realpath } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { UsageError } from '../../lib/InputError.ts';
import { contractFiles } from '../intake/classifyEntries.ts';

/** The first line writeLongCsv writes, after its BOM. */
const importedHeader = 'region_code,year,variable,value,unit';

/**
 * Refuses an --out of `ipindex import` that would overwrite data: the source itself, the map,
 * a contract file of a data directory, or an existing file that an import did not write (its
 * first line is not the header of an imported long file). An earlier import's output may be
 * replaced. Throws UsageError (exit 2) before anything is read.
 */
export async function assertImportTarget(out: string, inputs: readonly string[]): Promise<void> {
  const target = await realpath(out).catch(() => resolve(out));
  for (const input of inputs) {
    if ((await realpath(input).catch(() => resolve(input))) === target) throw new UsageError(`--out ${out} is one of the files the import reads: write the long file elsewhere`);
  }
  if (contractFiles.includes(basename(target))) throw new UsageError(`--out ${out} is a file of the data contract (${basename(target)}), not an observation file: give the long file another name`);
  const handle = await open(target, 'r').catch(() => null);
  if (handle === null) return;
  try {
    const { bytesRead, buffer } = await handle.read(Buffer.alloc(64), 0, 64, 0);
    const head = buffer.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, '');
    if (!head.startsWith(importedHeader)) throw new UsageError(`--out ${out} exists and was not written by ipindex import (its first line is not "${importedHeader}"): choose another name, or remove it yourself if it may go`);
  } finally {
    await handle.close();
  }
}
