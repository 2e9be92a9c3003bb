import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const outputDir = fileURLToPath(new URL('../output/charts/', import.meta.url));

/**
 * An SVG made comparable across runs and machines: numbers rounded to two decimals and
 * generated ids renumbered in order of appearance (as Plot's own tests do).
 */
export function normaliseSvg(svg: string): string {
  const ids = new Map<string, string>();
  const renumbered = svg.replace(/\b(plot-[a-z]+-)(?:[0-9a-f]{8}-)?(\d+)\b/g, (_, prefix: string, n: string) => {
    const key = `${prefix}${n}`;
    if (!ids.has(key)) ids.set(key, `${prefix}${ids.size + 1}`);
    return ids.get(key)!;
  });
  return renumbered.replace(/\d+\.\d{3,}/g, (n) => String(Math.round(Number(n) * 100) / 100)).replace(/></g, '>\n<');
}

/**
 * Compares an SVG with test/output/charts/<name>.svg. A missing snapshot is written (and the
 * test passes, saying so); a different one is written beside it as <name>-changed.svg for review.
 */
export async function matchSnapshot(name: string, svg: string): Promise<{ matches: boolean; path: string }> {
  const actual = normaliseSvg(svg);
  const path = join(outputDir, `${name}.svg`);
  const expected = await readFile(path, 'utf8').catch(() => null);
  if (expected === null) {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, actual);
    console.warn(`wrote the missing snapshot ${name}.svg`);
    return { matches: true, path };
  }
  if (expected === actual) return { matches: true, path };
  await writeFile(join(outputDir, `${name}-changed.svg`), actual);
  return { matches: false, path };
}
