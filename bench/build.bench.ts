// (2) of `npm run bench`: a full build (pipeline + every page) with `ipindex build`, as a user
// runs it, at province level (the bundled data/) and at prefecture level (337 units x 20
// years, generated once into bench/.data/), wall time and peak memory of the whole process
// tree. Then (4), the page weights of the province build (bench/siteWeight.ts, from the site
// issue), and (3), the uncertainty timings (bench/uncertainty.ts, from the engine issue), when
// those modules exist and no *.bench.ts module of their own reports them.
import { access, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SAMPLE_OPTIONS } from '../src/sample/generateSample.ts';
import { writeDataDirectory } from '../src/sample/writeDataDirectory.ts';
import { megabytes, measureProcess, type Measured } from './buildProcess.ts';
import type { BenchRow, BenchSection } from './run.ts';

export const order = 2;

const root = fileURLToPath(new URL('../', import.meta.url));
const exists = (path: string) => access(path).then(() => true, () => false);
const s = (seconds: number) => `${seconds.toFixed(2)} s`;
const met = (ok: boolean) => (ok ? 'met' : 'missed');

/** Builds a data directory into `out` with the command line, as a user would. */
async function ipindexBuild(dataDir: string, out: string): Promise<Measured> {
  const run = await measureProcess(process.execPath, [join(root, 'bin', 'ipindex.js'), 'build', dataDir, '--out', out], { cwd: root });
  if (run.code !== 0) throw new Error(`ipindex build ${dataDir} failed (exit ${run.code}): ${run.stderr.trim().split('\n').slice(0, 3).join(' ')}`);
  return run;
}

export async function run(): Promise<BenchSection[]> {
  const work = await mkdtemp(join(tmpdir(), 'ipindex-bench-'));
  const prefectureDir = join(root, 'bench', '.data', 'prefecture');
  if (!(await exists(join(prefectureDir, 'regions.csv')))) {
    await writeDataDirectory(join(root, 'data'), prefectureDir, { level: 'prefecture', years: 20, records: 0, seed: SAMPLE_OPTIONS.seed });
  }
  try {
    const province = await ipindexBuild(join(root, 'data'), join(work, 'province'));
    const prefecture = await ipindexBuild(prefectureDir, join(work, 'prefecture'));
    const ratio = prefecture.seconds / province.seconds;
    const build: BenchSection = {
      title: '(2) Full build (pipeline + site), `ipindex build`',
      rows: [
        { measure: 'province level: 31 provinces x 11 years (data/)', value: s(province.seconds), note: `peak ${megabytes(province.peakBytes)}; targets < 10 s (${met(province.seconds < 10)}) and < 600 MB (${met((province.peakBytes ?? Infinity) < 600 * 2 ** 20)})` },
        { measure: 'prefecture level: 337 units x 20 years', value: s(prefecture.seconds), note: `peak ${megabytes(prefecture.peakBytes)}; ${ratio.toFixed(2)}x the province build (target < 3x: ${met(ratio < 3)})` },
      ],
      text: `province:\n${province.stdout.trim()}\n\nprefecture:\n${prefecture.stdout.trim()}`,
    };
    return [build, await pageWeights(join(work, 'province')), ...(await uncertainty())];
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** (4): what each page of the province build weighs, if the site issue's bench/siteWeight.ts is there. */
async function pageWeights(site: string): Promise<BenchSection> {
  const title = '(4) Page weights of the province build (first visit, gzipped)';
  const module = join(root, 'bench', 'siteWeight.ts');
  if (!(await exists(module))) return { title, rows: [{ measure: 'page weights', value: 'not available yet', note: 'bench/siteWeight.ts (site issue) is not there' }] };
  const { siteWeight } = (await import(pathToFileURL(module).href)) as { siteWeight: (dir: string) => Promise<{ page: string; files: number; bytes: number; gzipped: number }[]> };
  const weights = await siteWeight(site);
  if (weights.length === 0) return { title, rows: [{ measure: 'page weights', value: 'no pages', note: 'the build wrote no HTML' }] };
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const heaviest = weights.reduce((a, b) => (b.gzipped > a.gzipped ? b : a));
  const rows: BenchRow[] = [
    { measure: 'pages', value: String(weights.length), note: 'every page with the files it loads' },
    { measure: 'heaviest page', value: kb(heaviest.gzipped), note: `${heaviest.page}, ${heaviest.files} files, ${kb(heaviest.bytes)} before gzip` },
    { measure: 'median page', value: kb([...weights].sort((a, b) => a.gzipped - b.gzipped)[Math.floor(weights.length / 2)]!.gzipped), note: 'gzipped' },
  ];
  return { title, rows };
}

/** (3): the engine issue's uncertainty timings, run as it prints them, unless a *.bench.ts module reports them. */
async function uncertainty(): Promise<BenchSection[]> {
  if (await exists(join(root, 'bench', 'uncertainty.bench.ts'))) return [];
  const title = '(3) Uncertainty analysis';
  const script = join(root, 'bench', 'uncertainty.ts');
  if (!(await exists(script))) return [{ title, rows: [{ measure: 'uncertainty timings', value: 'not available yet', note: 'bench/uncertainty.ts (engine issue) is not there' }] }];
  const run = await measureProcess(process.execPath, ['--import', 'tsx', script], { cwd: root });
  return [{ title, rows: [{ measure: 'bench/uncertainty.ts', value: s(run.seconds), note: `exit ${run.code}; peak ${megabytes(run.peakBytes)}; its output below` }], text: run.stdout || run.stderr }];
}
