import { execFile } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { main } from '../../src/cli/cli.ts';
import { serve } from '../../src/cli/serve.ts';

const work = 'test/output/cli';

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

describe('the ipindex command line', () => {
  test('--help prints the commands and exits 0', async () => {
    const { code, stdout } = await run('--help');
    expect(code).toBe(0);
    expect(stdout).toContain('ipindex build <data-dir> --out <dir>');
    expect(stdout).toContain('Exit codes: 0 done; 1 the input is wrong');
  });

  test.each([
    [[], 'no command given'],
    [['frobnicate'], 'unknown command "frobnicate"'],
    [['build', 'test/fixtures/tiny'], 'build needs --out <dir>'],
    [['build', 'test/fixtures/tiny', '--out'], "Option '--out <value>' argument missing"],
    [['check'], 'check takes one folder, got none'],
    [['check', 'a', 'b'], 'check takes one folder, got a b'],
    [['build', 'test/fixtures/tiny', '--out', 'x', '--colour'], "Unknown option '--colour'"],
    [['serve', 'test/fixtures/tiny'], 'has no index.html'],
  ])('%j is a usage error: exit 2', async (argv, message) => {
    const { code, stderr } = await run(...argv);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(stderr).toContain('Run ipindex --help for usage.');
  });

  test('check prints a line per stage with its time and exits 0 on good data', async () => {
    const { code, stdout } = await run('check', 'test/fixtures/tiny');
    expect(code).toBe(0);
    for (const stage of ['read', 'staging', 'checks', 'indicators', 'composite']) {
      expect(stdout).toMatch(new RegExp(`^  ${stage} +.+ +\\d+\\.\\d\\d s$`, 'm'));
    }
    expect(stdout).toContain('note: test/fixtures/tiny/economy.csv, row 9 left out: "东部地区" is a zone total');
    expect(stdout).toMatch(/no problems found$/);
  });

  test('a missing data directory is an input error: exit 1', async () => {
    const { code, stderr } = await run('check', 'test/fixtures/no-such-dir');
    expect(code).toBe(1);
    expect(stderr).toContain('test/fixtures/no-such-dir: found no such directory, expected a data directory');
  });

  test('build refuses to replace a folder that is not an ipindex report', async () => {
    const precious = join(work, 'precious');
    await rm(precious, { recursive: true, force: true });
    await mkdir(precious, { recursive: true });
    await writeFile(join(precious, 'thesis.docx'), 'years of work');
    const { code, stderr } = await run('build', 'test/fixtures/tiny', '--out', precious, '--no-site');
    expect(code).toBe(2);
    expect(stderr).toContain('exists and is not an ipindex report');
    expect(await readFile(join(precious, 'thesis.docx'), 'utf8')).toBe('years of work');
  });

  test('the bin script runs under plain node', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['bin/ipindex.js', '--version']);
    const pkg = JSON.parse(await readFile('package.json', 'utf8'));
    expect(stdout.trim()).toBe(pkg.version);
  });
});

describe('build with the site, then serve', () => {
  test('index.html shows the latest ranking, served on localhost', async () => {
    const out = join(work, 'site');
    const { code, stdout } = await run('build', 'test/fixtures/tiny', '--out', out);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^ {2}site +.+ s$/m);
    const html = await readFile(join(out, 'index.html'), 'utf8');
    expect(html).toContain('<html lang="zh-CN"');
    // Hand-worked in build.test.ts: 2021 index BJ 87.5 (rank 1), TJ 27.3 (2), XZ 16.7 (3).
    const { document } = parseHTML(html);
    const rows = [...document.querySelectorAll('section[aria-labelledby="table"] table tbody tr')].map((tr) =>
      [...tr.querySelectorAll('td, th')].map((cell) => cell.textContent?.trim()),
    );
    expect(rows.map((cells) => [cells[0], cells[1], cells[3]])).toEqual([
      ['1', '北京市', '87.5'],
      ['2', '天津市', '27.3'],
      ['3', '西藏自治区', '16.7'],
    ]);
    expect(html).toContain('2021');
    expect(html).not.toContain('示例数据');

    const { url, server } = await serve(out, 47_000 + (process.pid % 1000));
    try {
      const response = await fetch(url);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('Beijing');
      expect((await fetch(`${url}data/scores.csv`)).status).toBe(200);
    } finally {
      server.close();
    }
  });
});
