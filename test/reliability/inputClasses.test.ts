import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, test } from 'vitest';
import { parseCell } from '../../src/lib/parseCell.ts';
import { main } from '../../src/cli/cli.ts';

// The classes of input of issue 13 that are accepted rather than refused, and the bounds that
// keep a hostile file from costing more than a moment (the refusals are cases of
// test/fixtures/bad/, each with its exact message).

async function run(...argv: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main(
    argv,
    (line) => stdout.push(line),
    (line) => stderr.push(line),
  );
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}

async function tinyCopy(): Promise<string> {
  const dir = join(await mkdtemp(join(tmpdir(), 'ipindex-inputs-')), 'data');
  await cp('test/fixtures/tiny', dir, { recursive: true });
  return dir;
}

describe('inputs read as every other file is read', () => {
  test.each([
    ['UTF-16 LE with a BOM', (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')])],
    ['UTF-16 BE with a BOM', (text: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')])],
    ['GB18030', (text: string) => iconv.encode(text, 'gb18030')],
    ['UTF-8 with a BOM', (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])],
  ])('method.yaml in %s is read, its settings applied', async (_, encode) => {
    const data = await tinyCopy();
    await writeFile(join(data, 'method.yaml'), encode('# 方法：标准化\nnormalise:\n  method: zscore\n'));
    const out = join(data, '..', 'out');
    const { code, stderr } = await run('build', data, '--out', out, '--no-site');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(await readFile(join(out, 'data', 'manifest.json'), 'utf8')).method.normalise.method).toBe('zscore');
  });

  test('national totals under the code 100000, the code observations.csv gives them, are read as national totals', async () => {
    const data = await tinyCopy();
    const patents = await readFile(join(data, 'patents.csv'), 'utf8');
    await writeFile(join(data, 'patents.csv'), patents.replaceAll('全国,', '100000,'));
    const out = join(data, '..', 'out');
    expect((await run('build', data, '--out', out, '--no-site')).code).toBe(0);
    const national = (await readFile(join(out, 'data', 'observations.csv'), 'utf8'))
      .split('\n')
      .filter((line) => line.startsWith('100000,') && line.includes(',patents,'));
    expect(national.map((line) => line.split(',').slice(0, 4).join(','))).toEqual([
      '100000,2020,patents,353150.0',
      '100000,2021,patents,423780.0',
    ]);
  });

  test('the missing markers the README documents are missing, never zero; other text is refused', () => {
    for (const marker of ['', 'NA', 'N/A', 'NaN', 'nan', 'NULL', '-', '--', '—', '——', '…', '...'])
      expect([marker, parseCell(marker)]).toEqual([marker, { kind: 'missing' }]);
    for (const text of ['Inf', '-inf', 'none', '0x10']) expect(parseCell(text).kind).toBe('invalid');
  });
});

describe('files that are not files: one line each, exit 1', () => {
  test('a link to a folder as an observation file or as method.yaml, a link to nothing as regions.csv', async () => {
    const data = await tinyCopy();
    await mkdir(join(data, '..', 'elsewhere'));
    await symlink(join(data, '..', 'elsewhere'), join(data, 'extra.csv'));
    await rm(join(data, 'method.yaml'));
    await symlink(join(data, '..', 'elsewhere'), join(data, 'method.yaml'));
    await rm(join(data, 'regions.csv'));
    await symlink(join(data, '..', 'gone.csv'), join(data, 'regions.csv'));
    const lines = async () => {
      const { code, stderr } = await run('check', data);
      expect(code).toBe(1);
      return stderr.split('\n').slice(1);
    };
    expect(await lines()).toEqual([
      `  ${join(data, 'regions.csv')}: found no such file, expected regions.csv in the data directory (see DESIGN.md, "Input contract")`,
    ]);
    await rm(join(data, 'regions.csv'));
    await cp('test/fixtures/tiny/regions.csv', join(data, 'regions.csv'));
    expect(await lines()).toEqual([`  ${join(data, 'method.yaml')}: found a folder, expected a YAML mapping of method settings`]);
    await rm(join(data, 'method.yaml'));
    expect(await lines()).toEqual([
      `  ${join(data, 'extra.csv')}: found a folder, expected a CSV text file (UTF-8 or GBK) with a header row`,
    ]);
  });
});

describe('bounds: a hostile file is refused in a moment, its size never held', () => {
  test('a header line of 25 million columns (50 MB): row 1, too long, in seconds', async () => {
    const data = await tinyCopy();
    const header = `region_code,year,${',x'.repeat(25_000_000)}\n110000,2020\n`;
    await writeFile(join(data, 'wide.csv'), header);
    const start = performance.now();
    const before = process.memoryUsage().rss;
    const { code, stderr } = await run('check', data);
    expect(code).toBe(1);
    expect(stderr).toContain('wide.csv, row 1: found text that is not CSV (a row longer than 1,048,576 characters)');
    // Bounds, not timings: what a run on a busy machine still meets by a wide margin.
    expect(performance.now() - start).toBeLessThan(20_000);
    expect(process.memoryUsage().rss - before).toBeLessThan(600 * 2 ** 20);
  });

  test('a codebook larger than any codebook: refused by its size before it is read', async () => {
    const data = await tinyCopy();
    const codebook = await readFile(join(data, 'variables.csv'), 'utf8');
    await writeFile(join(data, 'variables.csv'), codebook + `x,economy,x,x,件,0,1,${'y'.repeat(70 * 2 ** 20)}\n`);
    const { code, stderr } = await run('check', data);
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /variables\.csv: found a file of 70\.\d MB, expected a CSV text file \(UTF-8 or GBK\) with a header row, of at most 64\.0 MB/,
    );
  });

  test('an import map with an alias bomb: one line, exit 1', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ipindex-map-'));
    const map = join(dir, 'map.yaml');
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (const name of 'bcdefgh')
      levels.push(
        `${name}: &${name} [${Array(9)
          .fill(`*${String.fromCharCode(name.charCodeAt(0) - 1)}`)
          .join(', ')}]`,
      );
    await writeFile(map, `${levels.join('\n')}\n`);
    const { code, stderr } = await run('import', 'test/fixtures/tiny/rd.csv', '--map', map, '--out', join(dir, 'out.csv'));
    expect(code).toBe(1);
    expect(stderr.split('\n')[1]).toBe(
      `  ${map}: found aliases that repeat more than 100 times over (an alias bomb?), expected an import map (YAML) saying which column is which variable`,
    );
  });
});
