import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { main } from '../../src/cli/cli.ts';
import { snapshot } from './cliProcess.ts';

// A build replaces --out whole, so it must prove first that nothing of the user's is in it
// (src/outFolder/claimOutDir.ts). Each refusal is exit 2 with what was found, and
// leaves every file as it was.

const tiny = 'test/fixtures/tiny';
let work: string;

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

async function builtReport(): Promise<string> {
  const out = join(work, 'out');
  const { code } = await run('build', tiny, '--out', out, '--no-site');
  expect(code).toBe(0);
  return out;
}

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'ipindex-out-'));
});

describe('a build never deletes what it did not write', () => {
  test('a data directory inside the old report, built into that report: refused, both kept', async () => {
    const out = await builtReport();
    await cp(tiny, join(out, 'mydata'), { recursive: true });
    const before = snapshot(work);
    const { code, stderr } = await run('build', join(out, 'mydata'), '--out', out, '--no-site');
    expect(code).toBe(2);
    expect(stderr).toContain(`--out ${out} contains the data directory ${join(out, 'mydata')}`);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(snapshot(work)).toEqual(before);
  });

  test('--out the data directory itself, or a folder inside it: refused', async () => {
    const data = join(work, 'data');
    await cp(tiny, data, { recursive: true });
    const before = snapshot(work);
    expect((await run('build', data, '--out', data, '--no-site')).stderr).toContain(`--out ${data} is the data directory`);
    const inside = await run('build', data, '--out', join(data, 'report'), '--no-site');
    expect(inside.code).toBe(2);
    expect(inside.stderr).toContain('is inside the data directory');
    expect(snapshot(work)).toEqual(before);
  });

  test('a published site: .git, CNAME, .nojekyll and what .ipindex-keep lists survive a rebuild', async () => {
    const out = await builtReport();
    await mkdir(join(out, '.git', 'refs'), { recursive: true });
    await writeFile(join(out, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    await writeFile(join(out, 'CNAME'), 'ipindex.example.org\n');
    await writeFile(join(out, '.nojekyll'), '');
    await writeFile(join(out, '.ipindex-keep'), '# kept across builds\nabout.html\n');
    await writeFile(join(out, 'about.html'), '<p>about</p>\n');
    const kept = (s: Record<string, string>) =>
      Object.fromEntries(Object.entries(s).filter(([path]) => /^(\.git|CNAME|\.nojekyll|\.ipindex-keep|about\.html)/.test(path)));
    const before = kept(snapshot(out));
    expect(Object.keys(before)).toHaveLength(7);
    const { code, stderr } = await run('build', tiny, '--out', out, '--no-site');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(kept(snapshot(out))).toEqual(before);
    expect(await readdir(work)).toEqual(['out']); // nothing left beside it
  });

  test('a file of the user inside the report: refused, named, with how to keep it', async () => {
    const out = await builtReport();
    await writeFile(join(out, 'notes.txt'), 'my notes\n');
    await mkdir(join(out, 'data', 'mine'));
    await writeFile(join(out, 'data', 'mine', 'a.csv'), 'x\n');
    const before = snapshot(work);
    const { code, stderr } = await run('build', tiny, '--out', out, '--no-site');
    expect(code).toBe(2);
    expect(stderr).toContain('holds 2 things ipindex did not write (data/mine/, notes.txt)');
    expect(stderr).toContain(`${out}/.ipindex-keep`);
    expect(snapshot(work)).toEqual(before);
  });

  test('a folder that is no ipindex report, a malformed manifest, a manifest of another tool, a file: refused in one line', async () => {
    const folder = join(work, 'site');
    await mkdir(join(folder, 'data'), { recursive: true });
    await writeFile(join(folder, 'index.html'), '<p>my site</p>\n');
    const cases: [string, string][] = [];
    cases.push([folder, 'is not an ipindex report (no data/manifest.json)']);
    const malformed = await builtReport();
    await writeFile(join(malformed, 'data', 'manifest.json'), '{"tool": "ipindex", ');
    cases.push([malformed, 'its data/manifest.json is not valid JSON']);
    const other = join(work, 'other');
    await mkdir(join(other, 'data'), { recursive: true });
    await writeFile(join(other, 'data', 'manifest.json'), '{"tool": "something else"}');
    cases.push([other, 'was not written by ipindex']);
    const file = join(work, 'report.html');
    await writeFile(file, 'x');
    cases.push([file, 'is a file, not a folder']);
    const before = snapshot(work);
    for (const [out, message] of cases) {
      const { code, stderr } = await run('build', tiny, '--out', out, '--no-site');
      expect([out, code]).toEqual([out, 2]);
      expect(stderr).toContain(message);
      expect(stderr.split('\n')[0]).toContain(message); // the message, then the usage hint
      expect(stderr).not.toMatch(/\n\s+at /);
    }
    expect(snapshot(work)).toEqual(before);
  });

  test('a report from before manifests listed their files is still replaced', async () => {
    const out = await builtReport();
    const path = join(out, 'data', 'manifest.json');
    const manifest = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
    delete manifest.files;
    await writeFile(path, JSON.stringify(manifest));
    const { code } = await run('build', tiny, '--out', out, '--no-site');
    expect(code).toBe(0);
    expect(JSON.parse(await readFile(path, 'utf8')).files).toContain('data/scores.csv');
  });

  test('--out in a folder that does not exist yet: made', async () => {
    const out = join(work, 'reports', '2024', 'out');
    expect((await run('build', tiny, '--out', out, '--no-site')).code).toBe(0);
    expect(await readdir(join(work, 'reports', '2024'))).toEqual(['out']);
  });

  test('the manifest lists every file of the report, itself included', async () => {
    const out = await builtReport();
    const files = JSON.parse(await readFile(join(out, 'data', 'manifest.json'), 'utf8')).files as string[];
    expect(files).toEqual(Object.keys(snapshot(out)).filter((p) => !p.endsWith('/')));
    await rm(out, { recursive: true });
  });
});
