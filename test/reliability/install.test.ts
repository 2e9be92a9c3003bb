import { execFileSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { chownTree, isRoot, nobody, runIpindex } from './cliProcess.ts';

// A build must work from an installation its user cannot write to (npm install -g, a
// container, another user's checkout): the compiled report app is kept in the user's cache
// (src/site/compiledApp.ts), Vite's bundled config too, and nothing is written into the
// installation. As root, the build runs as nobody, to whom this checkout is read-only, so any
// write into it fails the build; as another user, the test checks that no file of the checkout
// changed.

const changedSince = (marker: string): string[] =>
  execFileSync('find', ['.', '-newer', marker, '-not', '-path', './test/output/*', '-not', '-path', './test/output'], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line !== '' && line !== '.');

describe(`a build from an installation it cannot write to (${isRoot ? 'as nobody' : 'as this user'})`, () => {
  test(
    "the site is compiled into the user's cache and the report written; the installation is unchanged",
    { timeout: 240_000 },
    async () => {
      const work = await mkdtemp(join(tmpdir(), 'ipindex-install-'));
      await chmod(work, 0o755);
      const home = join(work, 'home');
      await mkdir(home);
      if (isRoot) chownTree(work, nobody);
      const marker = join(work, 'marker');
      execFileSync('touch', [marker]);
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const run = await runIpindex(['build', 'test/fixtures/tiny', '--out', join(work, 'out')], {
        env: { HOME: home, XDG_CACHE_HOME: '', IPINDEX_CACHE_DIR: '' },
        ...(isRoot ? { as: nobody } : {}),
      });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('report app compiled');
      expect(await readdir(join(work, 'out'))).toContain('index.html');
      expect((await readdir(join(home, '.cache', 'ipindex', 'app'))).length).toBe(1);
      // Vitest's other files write into test/output meanwhile; nothing else may change.
      expect(changedSince(marker)).toEqual([]);
    },
  );
});
