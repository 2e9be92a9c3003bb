import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What a published report folder holds beside the report and must survive a rebuild: a git
 * checkout of the site, the host's domain and Jekyll switch, and whatever the user lists, one
 * name a line, in `.ipindex-keep` at the top of the folder (which is kept too).
 */
export const keepFile = '.ipindex-keep';
const alwaysKept = ['.git', '.gitignore', '.gitattributes', '.nojekyll', 'CNAME', '.well-known', keepFile];

/** The top-level names kept across rebuilds of the report folder `outDir` (which may not exist). */
export function keptNames(outDir: string): string[] {
  let listed: string[] = [];
  try {
    listed = readFileSync(join(outDir, keepFile), 'utf8')
      .split(/\r?\n/)
      .map((line) => line.trim().replace(/\/+$/, ''))
      .filter((line) => line !== '' && !line.startsWith('#') && !line.includes('/') && line !== '.' && line !== '..');
  } catch {
    // No list: only the names every published site keeps.
  }
  return [...new Set([...alwaysKept, ...listed])];
}
