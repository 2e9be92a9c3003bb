import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Every file under `dir` (symbolic links included, not followed), as paths relative to `dir`
 * with `/` between their parts, sorted: what a report folder holds.
 */
export async function listReportFiles(dir: string): Promise<string[]> {
  const files: string[] = [];
  const walk = async (relative: string): Promise<void> => {
    const entries = await readdir(join(dir, relative), { withFileTypes: true });
    for (const entry of entries) {
      const path = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) await walk(path);
      else files.push(path);
    }
  };
  await walk('');
  return files.sort();
}
