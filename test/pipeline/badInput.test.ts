import { cp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { main } from '../../src/cli/cli.ts';

// Each folder of test/fixtures/bad/ holds files that replace those of test/fixtures/tiny (a file
// named `x.delete` removes x) and `expected.txt`: exactly what ipindex must print. A case
// without expected.txt gets one written from the actual output, to review, and fails.
const bad = 'test/fixtures/bad';
const work = 'test/output/bad';
const out = join(work, 'out');

async function run(argv: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main(
    argv,
    (line) => stdout.push(line),
    (line) => stderr.push(line),
  );
  return { code, stdout, stderr: stderr.join('\n').split('\n') };
}

const cases = (await readdir(bad)).sort();

describe('bad input: exit 1, a message naming file, row and column, the previous out/ kept', () => {
  let previousManifest: string;
  beforeAll(async () => {
    await rm(work, { recursive: true, force: true });
    const { code } = await run(['build', 'test/fixtures/tiny', '--out', out, '--no-site']);
    expect(code).toBe(0);
    previousManifest = await readFile(join(out, 'data', 'manifest.json'), 'utf8');
  });

  test('the corpus covers every bad input of the data contract', () => {
    expect(cases).toEqual(
      expect.arrayContaining([
        'unknown-region',
        'duplicate-region-year',
        'non-numeric',
        'negative-count',
        'out-of-range',
        'undeclared-variable',
        'missing-column',
        'unknown-unit',
        'formula-unknown-variable',
        'formula-foreign-token',
        'empty-file',
        'not-csv-binary',
        'not-csv-text',
        'several-problems',
        // The classes of reliability defects (see also test/reliability/).
        'reserved-variable-name',
        'reserved-indicator-code',
        'formula-too-long',
        'formula-sql-explodes',
        'method-alias-bomb',
        'method-circular-alias',
        'method-unknown-tag',
        'method-yml',
        'method-is-folder',
        'workbook-in-data',
        'indicator-without-values',
        'csv-is-folder',
        'mixed-line-endings',
        'nul-byte',
      ]),
    );
  });

  test.each(cases)('%s', async (name) => {
    const data = join(work, name);
    await rm(data, { recursive: true, force: true });
    await cp('test/fixtures/tiny', data, { recursive: true });
    // Removals first, so that a case may replace a file by a folder of the same name.
    const files = (await readdir(join(bad, name))).sort((a, b) => Number(b.endsWith('.delete')) - Number(a.endsWith('.delete')));
    for (const file of files) {
      if (file === 'expected.txt') continue;
      if (file.endsWith('.delete')) await rm(join(data, file.slice(0, -'.delete'.length)));
      else await cp(join(bad, name, file), join(data, file), { recursive: true });
    }
    const { code, stderr } = await run(['build', data, '--out', out, '--no-site']);
    const actual = `${stderr.join('\n')}\n`;
    const expectedPath = join(bad, name, 'expected.txt');
    const expected = await readFile(expectedPath, 'utf8').catch(() => null);
    if (expected === null) await writeFile(expectedPath, actual);
    expect(code).toBe(1);
    expect(actual).not.toMatch(/\n\s+at /); // no stack trace
    expect(actual).toBe(expected);
    expect(await readFile(join(out, 'data', 'manifest.json'), 'utf8')).toBe(previousManifest);
  });
});
