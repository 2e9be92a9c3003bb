import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { SampleFile } from './sampleFiles.ts';

/** Writes the sample files into `dir` (UTF-8, no BOM) and returns the paths written. */
export async function writeSample(files: readonly SampleFile[], dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const paths: string[] = [];
  for (const file of files) {
    const path = join(dir, file.name);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, file.text, 'utf8');
    paths.push(path);
  }
  return paths;
}
