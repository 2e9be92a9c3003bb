import { open, realpath } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { UsageError } from '../lib/InputError.ts';
import { contractFiles } from '../dataDir/contractFiles.ts';

/** What an import writes, for assertImportTarget to tell an earlier output of it, which --out may replace, from a file it must not. */
export type ImportOutput = {
  /** What the messages call it: "the long file". */
  name: string;
  /** The first line it writes. */
  header: string;
  /**
   * How an earlier output is known: 'prefix', its text (after a BOM) begins with the header;
   * 'line', its first line is the header itself, as an import that writes no BOM writes it.
   */
  match: 'prefix' | 'line';
  /** What the message says of a file that is not one: "was not written by ipindex import". */
  notEarlier: string;
  /** An observation file, which goes beside the files of the data contract: --out may not be one of them. */
  observations?: boolean;
};

/** The long observation file of `ipindex import`, as writeLongCsv writes it (after a BOM). */
export const longFile: ImportOutput = {
  name: 'the long file',
  header: 'region_code,year,variable,value,unit',
  match: 'prefix',
  notEarlier: 'was not written by ipindex import',
  observations: true,
};

/**
 * Refuses an --out of an import that would overwrite data: one of the files the import reads,
 * a contract file of a data directory (for an observation file), or an existing file that the
 * import did not write (its first line is not the output's header). An earlier import's output
 * may be replaced. Throws UsageError (exit 2) before anything is read.
 */
export async function assertImportTarget(out: string, inputs: readonly string[], output: ImportOutput): Promise<void> {
  const target = await realpath(out).catch(() => resolve(out));
  for (const input of inputs) {
    if ((await realpath(input).catch(() => resolve(input))) === target)
      throw new UsageError(`--out ${out} is one of the files the import reads: write ${output.name} elsewhere`);
  }
  if (output.observations === true && contractFiles.includes(basename(target)))
    throw new UsageError(
      `--out ${out} is a file of the data contract (${basename(target)}), not an observation file: give the long file another name`,
    );
  const handle = await open(target, 'r').catch(() => null);
  if (handle === null) return;
  try {
    // Room for a BOM, the header and a line break.
    const length = Buffer.byteLength(output.header) + 5;
    const { bytesRead, buffer } = await handle.read(Buffer.alloc(length), 0, length, 0);
    const head = buffer.subarray(0, bytesRead).toString('utf8');
    const earlier =
      output.match === 'prefix' ? head.replace(/^\uFEFF/, '').startsWith(output.header) : head.split(/\r?\n/)[0] === output.header;
    if (!earlier)
      throw new UsageError(
        `--out ${out} exists and ${output.notEarlier} (its first line is not "${output.header}"): choose another name, or remove it yourself if it may go`,
      );
  } finally {
    await handle.close();
  }
}
