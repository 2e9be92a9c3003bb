import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { expect } from 'vitest';
import { parse as parseYaml, stringify } from 'yaml';
import { main } from '../../src/cli/cli.ts';

/** COINr's ASEM example: its inputs and the reference outputs (reference/). */
export const asemFixture = 'test/fixtures/coinr-asem';

export type Csv = Record<string, string>[];

export const readCsv = async (path: string): Promise<Csv> => parse(await readFile(path, 'utf8'), { columns: true }) as Csv;

/** Relative difference, 0 for two equal numbers (two zeros included). */
export const relative = (a: number, b: number) => (a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b)));

/**
 * The ASEM example imported with `ipindex import-coinr`, its method.yaml changed by `method`, and
 * built without the site: the exit code, every line written, and the --out folder.
 */
export async function buildAsem(
  method: (m: Record<string, unknown>) => Record<string, unknown>,
): Promise<{ code: number; lines: string[]; out: string }> {
  const work = await mkdtemp(join(tmpdir(), 'ipindex-coinr-asem-'));
  const dataDir = join(work, 'asem');
  const lines: string[] = [];
  const run = (argv: string[]) =>
    main(
      argv,
      (line) => lines.push(line),
      (line) => lines.push(line),
    );
  expect(await run(['import-coinr', join(asemFixture, 'ASEM_iData.csv'), join(asemFixture, 'ASEM_iMeta.csv'), '--out', dataDir])).toBe(0);
  const configured = parseYaml(await readFile(join(dataDir, 'method.yaml'), 'utf8')) as Record<string, unknown>;
  await writeFile(join(dataDir, 'method.yaml'), stringify(method(configured)));
  const out = join(work, 'out');
  return { code: await run(['build', dataDir, '--out', out, '--no-site']), lines, out };
}
