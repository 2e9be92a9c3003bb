// Peak memory of reading one very large observation file: `npx tsx bench/intakeLargeFile.ts
// [MB] [long|wide] [load|check]` (default 300 MB, long, load). Writes a data directory into the
// system's temporary folder (3,100 prefecture-level regions, the bundled codebook and framework,
// and big.csv of generated values, one per region, year and variable), then either reads it with
// loadDataDir or runs the whole `ipindex check` on it (intake, staging, checks, indicators,
// composite, quality), and prints the time and the process's peak resident memory.
// Not a test: it takes minutes and needs a few GB of memory and disk.
// Load mode, values streamed into DuckDB as they are read (2 shared cores, load average 1.6-5.6):
// 300 MB long, 7.6 million values: 48 s, peak RSS 1.2 GB (was 143 s and 1.85 GB held in JS);
// 300 MB wide, 50.4 million values: 141 s, peak RSS 5.9 GB, nearly all DuckDB's table, JS heap
// under 100 MB (was refused as too large at 60% of the heap).
import { createWriteStream } from 'node:fs';
import { cp, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { formatProblem } from '../src/lib/InputError.ts';
import { main } from '../src/cli/cli.ts';
import { countValues } from '../src/intake/countValues.ts';
import { loadDataDir } from '../src/intake/loadDataDir.ts';
import { openDatabase } from '../src/database/openDatabase.ts';

const megabytes = Number(process.argv[2] ?? '300');
const shape = process.argv[3] === 'wide' ? 'wide' : 'long';
const mode = process.argv[4] === 'check' ? 'check' : 'load';
const dir = join(tmpdir(), `ipindex-bench-${shape}-${megabytes}`);
const provinces = [
  '110000',
  '120000',
  '130000',
  '140000',
  '150000',
  '210000',
  '220000',
  '230000',
  '310000',
  '320000',
  '330000',
  '340000',
  '350000',
  '360000',
  '370000',
  '410000',
  '420000',
  '430000',
  '440000',
  '450000',
  '460000',
  '500000',
  '510000',
  '520000',
  '530000',
  '540000',
  '610000',
  '620000',
  '630000',
  '640000',
  '650000',
];
// 100 made-up prefectures per province (codes xx01yy), so that a file of millions of rows needs
// no repeated region, year and variable.
const regions = provinces.flatMap((p) =>
  Array.from(
    { length: 100 },
    (_, i) => `${p.slice(0, 2)}${String(1 + Math.floor(i / 20)).padStart(2, '0')}${String(1 + (i % 20)).padStart(2, '0')}`,
  ),
);
// Every variable of the bundled codebook, with its unit: 22 variables x 201 years x 3,100
// regions make room for 13.7 million distinct values.
const codebook = (await readFile(join('data', 'variables.csv'), 'utf8'))
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.split(','));
const variables = codebook.map((fields) => fields[0] ?? '');
const unitOf = new Map(codebook.map((fields) => [fields[0] ?? '', fields[4] ?? '']));

async function generate(path: string): Promise<number> {
  const out = createWriteStream(path);
  let bytes = 0;
  let line = 0;
  const write = async (text: string) => {
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(shape === 'long' ? 'region_code,year,variable,value,unit\n' : `region_code,year,${variables.join(',')}\n`);
  while (bytes < megabytes * 1e6) {
    // Years beyond any real table keep every row distinct; the loader does not mind.
    const region = regions[line % regions.length] ?? '';
    const step = Math.floor(line / regions.length);
    const year = 1900 + (shape === 'long' ? Math.floor(step / variables.length) : step % 201);
    // Within every variable's range (0 up to at least 50).
    const value = 50 + ((line * 7919) % 1000) / 10;
    const variable = variables[step % variables.length] ?? '';
    if (shape === 'long') await write(`${region},${year},${variable},${value},${unitOf.get(variable)}\n`);
    else await write(`${region},${year},${variables.map((_, i) => value + i).join(',')}\n`);
    line++;
  }
  out.end();
  await once(out, 'finish');
  return line;
}

await rm(dir, { recursive: true, force: true });
await mkdir(dir, { recursive: true });
for (const file of ['variables.csv', 'framework.csv', 'method.yaml']) await cp(join('data', file), join(dir, file));
const provinceRows = (await readFile(join('data', 'regions.csv'), 'utf8')).trim().split('\n');
const zoneOf = new Map(provinceRows.slice(1).map((line) => [line.slice(0, 2), line.split(',').at(-1) ?? '']));
await writeFile(
  join(dir, 'regions.csv'),
  [
    provinceRows[0],
    ...provinceRows.slice(1),
    ...regions.map((code) => `${code},地区${code},Prefecture ${code},prefecture,${code.slice(0, 2)}0000,${zoneOf.get(code.slice(0, 2))}`),
  ].join('\n') + '\n',
);
const rows = await generate(join(dir, 'big.csv'));
const size = (await stat(join(dir, 'big.csv'))).size;
console.log(`generated ${dir}/big.csv: ${(size / 1e6).toFixed(0)} MB, ${rows.toLocaleString('en-US')} rows (${shape})`);

const rssBefore = process.resourceUsage().maxRSS / 1024;
const start = performance.now();
if (mode === 'load') {
  // As build and check do: the values go into DuckDB's observations_raw as they are read.
  const db = await openDatabase();
  const data = await loadDataDir(dir, 'bench', db);
  const [staged] = await db.query<{ n: number }>('SELECT count(*)::DOUBLE AS n FROM observations_raw');
  db.close();
  console.log(
    `loadDataDir: ${countValues(data).toLocaleString('en-US')} observations (${(staged?.n ?? 0).toLocaleString('en-US')} in observations_raw), ${data.problems.length} problems`,
  );
  for (const problem of data.problems.slice(0, 3)) console.log(`  ${formatProblem(problem)}`);
} else {
  const code = await main(
    ['check', dir],
    (line) => console.log(line),
    (line) => console.log(line.slice(0, 300)),
  );
  console.log(`ipindex check: exit ${code}`);
}
const seconds = (performance.now() - start) / 1000;
const peak = process.resourceUsage().maxRSS / 1024;
console.log(`${seconds.toFixed(1)} s`);
console.log(
  `peak RSS ${peak.toFixed(0)} MB (${rssBefore.toFixed(0)} MB before reading); heap now ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MB`,
);
await rm(dir, { recursive: true, force: true });
