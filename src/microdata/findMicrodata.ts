import { createHash } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import type { Problem } from '../lib/InputError.ts';
import type { InputFile } from '../dataDir/InputFile.ts';
import { hashFile } from '../files/hashFile.ts';
import { microdataDatasetOf, type MicrodataDataset } from './microdataDatasets.ts';
import type { DataEntry } from '../dataDir/DataDir.ts';
import type { MicrodataInput } from '../dataDir/MicrodataInput.ts';
import type { Fingerprint } from '../dataDir/Fingerprint.ts';

/**
 * Finds the microdata of a data directory among its entries (`patent_records.csv`,
 * `transfer_records.parquet`, a folder `pledge_records/`...). Each is fingerprinted with
 * SHA-256 only when the microdata stage asks (`fingerprint`): hashing half a gigabyte then
 * overlaps with DuckDB's reading of it; a folder's fingerprint covers the names and contents
 * of all its Parquet files.
 */
export async function findMicrodata(
  dir: string,
  label: string,
  entries: readonly DataEntry[],
): Promise<{ microdata: MicrodataInput[]; problems: Problem[] }> {
  const problems: Problem[] = [];
  const microdata: MicrodataInput[] = [];
  const cacheDir = join(dirname(resolve(dir)), '.ipindex-cache');
  const found = entries
    .map((entry) => ({ entry, dataset: microdataDatasetOf(entry.name) }))
    .filter((f): f is { entry: DataEntry; dataset: MicrodataDataset } => f.dataset !== undefined)
    .sort((a, b) => a.entry.name.localeCompare(b.entry.name));

  for (const { entry, dataset } of found) {
    const path = join(dir, entry.name);
    const name = join(label, entry.name);
    const twice = found.filter((f) => f.dataset === dataset);
    if (twice.length > 1) {
      if (twice[0]?.entry === entry) {
        problems.push({
          file: name,
          found: `${dataset.name} given ${twice.length} times (${twice.map((f) => f.entry.name + (f.entry.isDirectory() ? '/' : '')).join(', ')})`,
          expected: `one file or folder of ${dataset.name}`,
        });
      }
      continue;
    }
    const format = entry.isDirectory() ? 'hive' : entry.name.toLowerCase().endsWith('.csv') ? 'csv' : 'parquet';
    let fingerprint: () => Promise<Fingerprint>;
    let bytes: number;
    if (format === 'hive') {
      const files = (await readdir(path, { recursive: true })).filter((f) => f.toLowerCase().endsWith('.parquet')).sort();
      if (files.length === 0) {
        problems.push({
          file: `${name}/`,
          found: 'a folder without Parquet files',
          expected: `Parquet files of ${dataset.name}, e.g. ${dataset.name}/year=2020/part-0.parquet`,
        });
        continue;
      }
      fingerprint = once(() => hashFolder(path, files));
      bytes = (await Promise.all(files.map((f) => stat(join(path, f))))).reduce((n, s) => n + s.size, 0);
    } else {
      fingerprint = once(() => hashFile(path));
      bytes = (await stat(path)).size;
    }
    const input: InputFile = { file: format === 'hive' ? `${name}/` : name, role: 'microdata', sha256: '', bytes };
    microdata.push({ dataset, path, label: input.file, format, input, cacheDir, fingerprint });
  }
  return { microdata, problems };
}

/** A function that calls `start` the first time and returns that same promise ever after. */
function once<T>(start: () => Promise<T>): () => Promise<T> {
  let started: Promise<T> | undefined;
  return () => (started ??= start());
}

/** One SHA-256 over the relative paths and SHA-256s of a folder's files, in path order. */
async function hashFolder(folder: string, files: readonly string[]): Promise<Fingerprint> {
  const startedAt = Date.now();
  const hash = createHash('sha256');
  let bytes = 0;
  for (const file of files) {
    const part = await hashFile(join(folder, file));
    hash.update(`${relative(folder, join(folder, file)).split('\\').join('/')}\t${part.sha256}\n`);
    bytes += part.bytes;
  }
  return { sha256: hash.digest('hex'), bytes, startedAt };
}
