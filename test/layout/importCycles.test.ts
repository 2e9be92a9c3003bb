import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, test } from 'vitest';

// The house laid out by stage (README, "Map of the folders"): imports flow one way, so that a
// stage can be read, tested and changed without the ones that use it. No file imports itself
// through others, and no folder of src/ does either (types included: a type cycle ties two
// stages together as much as a call does). TypeScript only.

const sources = (await readdir('src', { recursive: true, withFileTypes: true }))
  .filter((e) => e.isFile())
  .map((e) => normalize(join(e.parentPath, e.name)));

/** Each source file's imports of other source files (relative specifiers, resolved). */
async function importGraph(): Promise<Map<string, string[]>> {
  const graph = new Map<string, string[]>();
  const known = new Set(sources);
  for (const file of sources.filter((f) => /\.(ts|svelte)$/.test(f))) {
    const text = await readFile(file, 'utf8');
    const targets = [...text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)]
      .map((m) => normalize(join(dirname(file), m[1]!)))
      .map((t) => [t, `${t}.ts`, `${t}.svelte`].find((c) => known.has(c)))
      .filter((t): t is string => t !== undefined);
    graph.set(file, targets);
  }
  return graph;
}

/** The cycles of a graph, each as the path that closes it. */
function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const state = new Map<string, 'open' | 'done'>();
  const found: string[][] = [];
  const visit = (node: string, path: string[]) => {
    state.set(node, 'open');
    path.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') found.push([...path.slice(path.indexOf(next)), next]);
      else if (state.get(next) === undefined) visit(next, path);
    }
    path.pop();
    state.set(node, 'done');
  };
  for (const node of graph.keys()) if (state.get(node) === undefined) visit(node, []);
  return found;
}

describe('the layout of src/', () => {
  test('no file imports itself through others', async () => {
    expect(cycles(await importGraph())).toEqual([]);
  });

  test('no folder imports itself through others: stages depend one way', async () => {
    const folderOf = (file: string) => file.split('/').slice(0, 2).join('/');
    const folders = new Map<string, string[]>();
    for (const [file, targets] of await importGraph()) {
      const from = folderOf(file);
      const to = [...new Set(targets.map(folderOf).filter((f) => f !== from))];
      folders.set(from, [...new Set([...(folders.get(from) ?? []), ...to])]);
    }
    expect(cycles(folders)).toEqual([]);
  });

  test('TypeScript only: no JavaScript in src/', () => {
    expect(sources.filter((f) => /\.(js|mjs|cjs)$/.test(f))).toEqual([]);
  });
});
