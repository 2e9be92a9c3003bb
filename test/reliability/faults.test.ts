import { chmod, cp, mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { chownTree, isRoot, nobody, runIpindex, snapshot } from './cliProcess.ts';

// The fault-injection suite: builds killed at every step of the swap (IPINDEX_FAULT names the
// point, src/outFolder/faultPoint.ts), interrupted by Ctrl-C and kill -9 at any
// moment, run side by side into one --out, and pointed at folders they cannot write to. Each
// asserts that the previous report is byte-identical afterwards (or, past the point of no
// return, that the new one is whole), that the files kept in it survive, and that nothing
// outside --out changed.

const tiny = 'test/fixtures/tiny';
let work: string;
let data: string;
let changed: string;
let bad: string;
let out: string;

/** A report with a published site's files, and its snapshot. */
async function previousReport(): Promise<Record<string, string>> {
  const first = await runIpindex(['build', data, '--out', out, '--no-site']);
  expect(first.code).toBe(0);
  await mkdir(join(out, '.git'));
  await writeFile(join(out, '.git', 'HEAD'), 'ref: refs/heads/gh-pages\n');
  await writeFile(join(out, 'CNAME'), 'ipindex.example.org\n');
  return snapshot(out);
}

/** A build that claims --out (and so puts right what killed builds left) and then fails on its input. */
async function failingBuild() {
  const run = await runIpindex(['build', bad, '--out', out, '--no-site']);
  expect(run.code).toBe(1);
  return run;
}

const beside = async () => (await readdir(work)).sort();

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'ipindex-faults-'));
  // Readable by the other user (mkdtemp makes it the owner's alone).
  await chmod(work, 0o755);
  data = join(work, 'data');
  changed = join(work, 'changed');
  bad = join(work, 'bad');
  out = join(work, 'out');
  await cp(tiny, data, { recursive: true });
  await cp(tiny, changed, { recursive: true });
  await writeFile(join(changed, 'rd.csv'), (await readFile(join(tiny, 'rd.csv'), 'utf8')).replace('25000000', '25500000'));
  await cp(tiny, bad, { recursive: true });
  await writeFile(join(bad, 'rd.csv'), 'region_code,year,rd_expenditure\n110000,2020,oops\n');
});

describe('a build killed at any point loses nothing', () => {
  test.each(['after-claim', 'after-results', 'before-swap', 'after-old-moved'])(
    'killed %s: the previous report comes back byte-identical',
    async (point) => {
      const before = await previousReport();
      const inputs = snapshot(changed);
      const killed = await runIpindex(['build', changed, '--out', out, '--no-site'], { env: { IPINDEX_FAULT: point } });
      expect(killed.signal).toBe('SIGKILL');
      await failingBuild();
      expect(snapshot(out)).toEqual(before);
      expect(await beside()).toEqual(['bad', 'changed', 'data', 'out']);
      expect(snapshot(changed)).toEqual(inputs);
    },
  );

  test.each(['after-new-placed', 'after-keepers-moved'])('killed %s: the new report stays, whole, with the kept files', async (point) => {
    const before = await previousReport();
    const killed = await runIpindex(['build', changed, '--out', out, '--no-site'], { env: { IPINDEX_FAULT: point } });
    expect(killed.signal).toBe('SIGKILL');
    await failingBuild();
    const after = snapshot(out);
    expect(after['.git/HEAD']).toBe(before['.git/HEAD']);
    expect(after.CNAME).toBe(before.CNAME);
    expect(await readFile(join(out, 'data', 'observations.csv'), 'utf8')).toContain('25500000');
    const files = JSON.parse(await readFile(join(out, 'data', 'manifest.json'), 'utf8')).files as string[];
    for (const file of files) expect(after[file]).toMatch(/^[0-9a-f]{64}$/);
    expect(await beside()).toEqual(['bad', 'changed', 'data', 'out']);
  });

  test('Ctrl-C while the build runs: exit 130, nothing left beside --out, the report as it was', async () => {
    const before = await previousReport();
    const stopped = await runIpindex(['build', changed, '--out', out], {
      onStart: (child) => {
        // Interrupted once it has begun writing beside --out, once: the polls' reads overlap, and
        // a second Ctrl-C arriving while the first one's exit is under way would end the process
        // by the signal itself rather than by its handler.
        let sent = false;
        const poll = setInterval(() => {
          void readdir(work).then((names) => {
            if (!sent && names.some((n) => n.startsWith('.out.building-'))) {
              sent = true;
              clearInterval(poll);
              child.kill('SIGINT');
            }
          });
        }, 5);
      },
    });
    expect(stopped.code).toBe(130);
    expect(stopped.stderr).toContain('stopped (SIGINT)');
    expect(snapshot(out)).toEqual(before);
    expect(await beside()).toEqual(['bad', 'changed', 'data', 'out']);
  });

  test('kill -9 at moments through a whole build: a later build cleans up, the report is as it was', async () => {
    const before = await previousReport();
    // While the process starts, after intake, while the results are written, while the pages render.
    for (const moment of [250, '  read ', '  composite ', '  downloads ']) {
      const killed = await runIpindex(['build', changed, '--out', out], {
        onStart: (child) => {
          if (typeof moment === 'number') setTimeout(() => child.kill('SIGKILL'), moment);
          else
            child.stdout?.on('data', (chunk: Buffer) => {
              if (chunk.toString().includes(moment)) child.kill('SIGKILL');
            });
        },
      });
      expect([moment, killed.signal]).toEqual([moment, 'SIGKILL']);
    }
    await failingBuild();
    expect(snapshot(out)).toEqual(before);
    expect(await beside()).toEqual(['bad', 'changed', 'data', 'out']);
  });

  test('two builds into one --out at once: one report, whole; a build refused is told why', async () => {
    await previousReport();
    const runs = await Promise.all([
      runIpindex(['build', data, '--out', out, '--no-site']),
      runIpindex(['build', changed, '--out', out, '--no-site']),
    ]);
    for (const run of runs) {
      expect([0, 2]).toContain(run.code);
      if (run.code === 2) expect(run.stderr).toContain('is being written by another ipindex build');
    }
    expect(runs.some((run) => run.code === 0)).toBe(true);
    const after = snapshot(out);
    const files = JSON.parse(await readFile(join(out, 'data', 'manifest.json'), 'utf8')).files as string[];
    expect(
      Object.keys(after)
        .filter((p) => !p.endsWith('/') && !p.startsWith('.git/') && p !== 'CNAME')
        .sort(),
    ).toEqual([...files].sort());
    expect(await beside()).toEqual(['bad', 'changed', 'data', 'out']);
  });
});

// Root writes anywhere, so as root these builds run as nobody, for whom the folders are
// read-only; as another user, the folders are made read-only for their owner.
describe(`targets that cannot be written (${isRoot ? 'as nobody' : 'read-only folders'}): exit 2 before any work, nothing changed`, () => {
  const as = isRoot ? { as: nobody } : {};
  test('a read-only --out, or a read-only folder around it', async () => {
    const before = await previousReport();
    const all = snapshot(work);
    if (!isRoot) {
      await chmod(out, 0o555);
      await chmod(work, 0o555);
    }
    const run = await runIpindex(['build', data, '--out', out, '--no-site'], as);
    if (!isRoot) {
      await chmod(work, 0o755);
      await chmod(out, 0o755);
    }
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')[0]).toMatch(/cannot be written to \((permission denied|a read-only file system)\)/);
    expect(run.stdout).not.toContain('read '); // refused before reading anything
    expect(snapshot(out)).toEqual(before);
    expect(snapshot(work)).toEqual(all);
  });

  test('a data directory that cannot be written to is read, and left exactly as it was', async () => {
    const target = join(work, 'target');
    await mkdir(target);
    if (isRoot) chownTree(target, nobody);
    else await chmod(data, 0o555);
    const inputs = snapshot(data);
    const run = await runIpindex(['build', data, '--out', join(target, 'out'), '--no-site'], as);
    if (!isRoot) await chmod(data, 0o755);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(snapshot(data)).toEqual(inputs);
    expect(await readdir(target)).toEqual(['out']);
  });
});
