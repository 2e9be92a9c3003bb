import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/** What a page transfers on a first visit: the HTML and every file it loads, gzipped. */
export type PageWeight = { page: string; files: number; bytes: number; gzipped: number };

/**
 * Weighs every page of a built report: the HTML plus the stylesheets, scripts and module
 * preloads it references and the modules its start-up script imports, each counted gzipped as
 * a web server would send it. Files shared by pages are counted for each page (a first visit).
 */
export async function siteWeight(dir: string): Promise<PageWeight[]> {
  const pages = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.html')).sort();
  const cache = new Map<string, Buffer>();
  const gz = async (file: string) => {
    let packed = cache.get(file);
    if (packed === undefined) {
      packed = gzipSync(await readFile(file), { level: 6 });
      cache.set(file, packed);
    }
    return packed.length;
  };
  const weights: PageWeight[] = [];
  for (const page of pages) {
    const path = join(dir, page);
    const html = await readFile(path, 'utf8');
    const referenced = new Set<string>();
    for (const match of html.matchAll(/<(?:link|script)\b[^>]*?\b(?:href|src)="([^"]+)"/g)) referenced.add(match[1]!);
    for (const match of html.matchAll(/import\("([^"]+)"\)/g)) referenced.add(match[1]!);
    const files = [...referenced]
      .filter((ref) => !/^[a-z]+:/i.test(ref))
      .map((ref) => resolve(dirname(path), ref.split(/[?#]/)[0]!))
      .filter((file) => file.startsWith(resolve(dir)) && !file.endsWith('/'));
    let gzipped = await gz(path);
    let bytes = html.length;
    for (const file of files) {
      const content = await readFile(file).catch(() => null);
      if (content === null) continue;
      bytes += content.length;
      gzipped += await gz(file);
    }
    weights.push({ page: relative(dir, path), files: files.length + 1, bytes, gzipped });
  }
  return weights;
}
