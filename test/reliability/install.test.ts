import { execFileSync } from 'node:child_process';
import { chmod, cp, mkdir, mkdtemp, readdir, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { chownTree, isRoot, nobody, runIpindex, snapshot } from './cliProcess.ts';

// A build must work from an installation its user cannot write to (npm install -g, a
// container, another user's checkout): the compiled report app is kept in the user's cache
// (src/site/compiledApp.ts), Vite's bundled config too, and nothing is written into the
// installation. The installation is made as a fresh clone is after `npm ci`: the tracked files,
// the compiled lib/ (the `prepare` script) and the packages, and nothing that `npm test` or
// development leaves behind (no .svelte-kit/, which the project's tsconfig.json extends). As
// root, the build runs as nobody, to whom the installation is read-only, so any write into it
// fails the build; as another user, the test checks that no file of the installation changed.

/** A copy of this checkout as `git clone` + `npm ci` leave it, its packages linked. */
async function freshInstallation(into: string): Promise<string> {
  const files = execFileSync('git', ['ls-files', '-z'], { encoding: 'utf8' })
    .split('\0')
    .filter((f) => f !== '');
  for (const file of files) {
    await mkdir(join(into, dirname(file)), { recursive: true });
    await cp(file, join(into, file), { preserveTimestamps: true, verbatimSymlinks: true });
  }
  // Timestamps kept: bin/ipindex.js runs lib/ only when it is newer than the sources.
  await cp('lib', join(into, 'lib'), { recursive: true, preserveTimestamps: true });
  await symlink(join(process.cwd(), 'node_modules'), join(into, 'node_modules'), 'junction');
  return into;
}

describe(`a build from a fresh installation it cannot write to (${isRoot ? 'as nobody' : 'as this user'})`, () => {
  test(
    "the site is compiled into the user's cache and the report written; the installation is unchanged",
    { timeout: 240_000 },
    async () => {
      const work = await mkdtemp(join(tmpdir(), 'ipindex-install-'));
      await chmod(work, 0o755);
      const installation = await freshInstallation(join(work, 'ipindex'));
      const home = join(work, 'home');
      await mkdir(home);
      if (isRoot) chownTree(home, nobody);
      await mkdir(join(work, 'out'));
      if (isRoot) chownTree(join(work, 'out'), nobody);
      const before = snapshot(installation);
      const run = await runIpindex(['build', join(installation, 'test/fixtures/tiny'), '--out', join(work, 'out', 'site')], {
        env: { HOME: home, XDG_CACHE_HOME: '', IPINDEX_CACHE_DIR: '' },
        installation,
        ...(isRoot ? { as: nobody } : {}),
      });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('report app compiled');
      expect(await readdir(join(work, 'out', 'site'))).toContain('index.html');
      expect((await readdir(join(home, '.cache', 'ipindex', 'app'))).length).toBe(1);
      expect(await readdir(installation)).not.toContain('.svelte-kit');
      expect(snapshot(installation)).toEqual(before);
    },
  );
});
