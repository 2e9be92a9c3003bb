import { existsSync, readdirSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';

// Comments and documents name the files they rest on (`queries/composite/50_normalised_methods.sql
// says what each computes`): a name left behind by a rename sends a reader to nothing. Every path
// into src/, queries/, test/ or bench/ written in a source, a SQL file or a document must exist;
// a path ending in `_` or followed by `*` (queries/enterprises/5*) is a prefix some file has. A
// file named alone (`63_aggregated_level.sql`, `renderSite.ts`) must be somewhere in the project:
// a .sql file under queries/, another in the repository.

/** Paths of SvelteKit's own sources, which scanLinks.ts and renderPages.ts cite as SvelteKit's. */
const elsewhere = ['src/core', 'src/utils'];
/** Where generated or deliberately absent files live. */
const notChecked = ['bench/.data', 'test/output', 'test/fixtures/no-such'];

async function documents(): Promise<string[]> {
  const listed = await Promise.all(
    ['src', 'queries', 'test', 'bench', 'docs'].map((dir) => readdir(dir, { recursive: true, withFileTypes: true })),
  );
  const files = listed
    .flat()
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
  return [
    ...files.filter(
      (f) => /\.(ts|svelte|sql|md|yaml)$/.test(f) && !f.startsWith('test/output/') && !f.startsWith('test/fixtures/coinr-asem/'),
    ),
    'README.md',
    'BENCHMARKS.md',
  ];
}

function exists(path: string, prefix: boolean): boolean {
  if (!prefix) return existsSync(path);
  const dir = dirname(path);
  const stem = path.slice(dir.length + 1);
  return existsSync(dir) && readdirSync(dir).some((name) => name.startsWith(stem));
}

/** Files named alone that are not the project's sources: outputs, SvelteKit's route files. */
const notSources = new Set(['indicators.sql']);

/** The names of every file under `dirs`. */
async function names(dirs: readonly string[]): Promise<Set<string>> {
  const listed = await Promise.all(dirs.map((dir) => readdir(dir, { recursive: true })));
  return new Set(listed.flat().map((path) => path.split('/').at(-1)!));
}

describe('the files named in comments and documents', () => {
  test('exist, named alone', async () => {
    const queries = await names(['queries']);
    const sources = await names(['src', 'test', 'bench', 'bin', '.']);
    const missing: string[] = [];
    for (const file of await documents()) {
      const text = await readFile(file, 'utf8');
      // Not part of a path, nor of a pattern (2*_aggregates.sql) or a route file (+page.svelte).
      for (const match of text.matchAll(/(?<![\w./$*+-])([\w]+\.(sql|ts|svelte))\b/g)) {
        const [, name, ext] = match;
        if (notSources.has(name!)) continue;
        if (!(ext === 'sql' ? queries : sources).has(name!)) missing.push(`${file}: ${name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  test('exist, named by their path', async () => {
    const missing: string[] = [];
    for (const file of await documents()) {
      const text = await readFile(file, 'utf8');
      for (const match of text.matchAll(/(?<![\w./$-])((?:src|queries|test|bench)\/[\w./[\]-]*[\w\]_])(\*)?/g)) {
        const path = match[1]!.replace(/\.$/, '');
        if ([...elsewhere, ...notChecked].some((p) => path.startsWith(p))) continue;
        if (!exists(path, match[2] !== undefined || path.endsWith('_'))) missing.push(`${file}: ${path}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
