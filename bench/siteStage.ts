// `npx tsx bench/siteStage.ts report.json appDir... [--runs 3] [--node-flags '...']`: times the
// `site` stage alone (the `vite build` that src/pipeline/buildSite.ts runs) of each app folder
// given, alternating between them round by round so that every variant sees the same machine
// load. Prints each run's wall and CPU seconds (CPU from /usr/bin/time, since load on a shared
// machine stretches the wall time), the medians per folder and the load average. A folder is this
// app or a copy of it (e.g. `git archive HEAD` unpacked, with node_modules linked in).
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 3;
const flagsAt = args.indexOf('--node-flags');
const nodeFlags = flagsAt >= 0 ? args.splice(flagsAt, 2)[1]!.split(' ').filter(Boolean) : [];
const [report, ...apps] = args;
if (report === undefined || apps.length === 0) {
  console.error('usage: tsx bench/siteStage.ts report.json appDir... [--runs 3] [--node-flags \'...\']');
  process.exit(2);
}

/** Runs the app's `vite build` as buildSite does and returns the wall and CPU seconds it took. */
async function timeSite(app: string): Promise<{ wall: number; cpu: number }> {
  const pages = await mkdtemp(join(tmpdir(), 'ipindex-site-'));
  const kitDir = join(app, '.svelte-kit', 'builds', `bench-${process.pid}`);
  const cpuFile = `${pages}.cpu`;
  const start = performance.now();
  const code = await new Promise<number | null>((done, fail) => {
    const child = spawn('/usr/bin/time', ['-f', '%U %S', '-o', cpuFile, process.execPath, ...nodeFlags, join(app, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'error'], {
      cwd: app,
      env: { ...process.env, IPINDEX_SITE_OUT: pages, IPINDEX_REPORT: resolve(report!), IPINDEX_KIT_DIR: kitDir, NODE_ENV: 'production' },
      stdio: ['ignore', 'ignore', 'ignore'],
    });
    child.on('error', fail);
    child.on('close', done);
  });
  const wall = (performance.now() - start) / 1000;
  const [user = 0, system = 0] = (await readFile(cpuFile, 'utf8')).trim().split(' ').map(Number);
  await rm(pages, { recursive: true, force: true });
  await rm(cpuFile, { force: true });
  await rm(kitDir, { recursive: true, force: true });
  if (code !== 0) throw new Error(`vite build in ${app} exited with ${code}`);
  return { wall, cpu: user + system };
}

const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!.toFixed(2);
const times = new Map<string, { wall: number; cpu: number }[]>(apps.map((app) => [app, []]));
for (let round = 1; round <= runs; round++) {
  for (const app of apps) {
    const t = await timeSite(resolve(app));
    times.get(app)!.push(t);
    console.log(`round ${round}  ${app.padEnd(30)} wall ${t.wall.toFixed(2)} s  cpu ${t.cpu.toFixed(2)} s  load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  }
}
for (const [app, list] of times) {
  const walls = list.map((t) => t.wall);
  console.log(`median ${app.padEnd(30)} wall ${median(walls)} s  cpu ${median(list.map((t) => t.cpu))} s  (wall ${walls.map((s) => s.toFixed(2)).join(', ')})`);
}
