import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** A PostgreSQL server of its own, in a temporary folder: a client on it, and how to stop it. */
export type Postgres = { client: pg.Client; socket: string; stop: () => Promise<void> };

/** The folder of PostgreSQL's server programs (Debian's postgresql package), or an error saying how to install them. */
function serverBin(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions[0] === undefined)
    throw new Error(
      'PostgreSQL is not installed: apt-get install postgresql (.ci/run installs it); the warehouse tests need a real server',
    );
  return join(root, versions[0], 'bin');
}

/**
 * Starts a PostgreSQL server in a fresh temporary folder, reachable only through a Unix socket
 * there (no TCP port), with its own data directory; as the postgres user when run as root,
 * since PostgreSQL refuses to run as root.
 */
export async function startPostgres(): Promise<Postgres> {
  const bin = serverBin();
  const dir = await mkdtemp(join(tmpdir(), 'ipindex-postgres-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    await chmod(dir, 0o777);
    execFileSync('chown', ['postgres:postgres', dir]);
  }
  const run = (program: string, args: string[]) => {
    const [command, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, program), ...args]] : [join(bin, program), args];
    const done = spawnSync(command, argv as string[], { encoding: 'utf8' });
    if (done.status !== 0) throw new Error(`${program} failed: ${done.stderr || done.stdout}`);
  };
  const data = join(dir, 'data');
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-locale', '-E', 'UTF8']);
  run('pg_ctl', [
    '-D',
    data,
    '-l',
    join(dir, 'server.log'),
    '-w',
    '-o',
    `-k ${dir} -c listen_addresses='' -c fsync=off -c full_page_writes=off`,
    'start',
  ]);
  const client = new pg.Client({ host: dir, user: 'postgres', database: 'postgres' });
  await client.connect();
  return {
    client,
    socket: dir,
    stop: async () => {
      await client.end().catch(() => undefined);
      run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
