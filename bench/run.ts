// `npm run bench [-- word...]`: runs every bench/*.bench.ts module (or those whose names hold a
// word given), in the order each declares, and prints
// one table per section with the machine it ran on, in Markdown (BENCHMARKS.md holds a run).
// The same text is saved to bench/.data/last-run.md. Figures, not tests: nothing here fails
// on a target missed; each row says its target and whether it was met.
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg, platform, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** One measured figure: what, how much, and a note (the target, a ratio, how it was measured). */
export type BenchRow = { measure: string; value: string; note?: string };
/** A titled group of rows, e.g. "(1) Microdata to indicators". */
export type BenchSection = { title: string; rows: BenchRow[]; text?: string };
/** What a bench/*.bench.ts module exports: sections it measures itself, in the order given... */
export type BenchModule = { order: number; run: () => Promise<BenchSection[]> };

/** ...or, as its default export, cases that this runner times: prepared once, measured `runs` times. */
export type Bench = { title: string; cases: BenchCase[] };
export type BenchCase = {
  name: string;
  /** How many times `measure` runs; the row gives the median. */
  runs: number;
  /** A target for the median, in seconds, if the issue set one. */
  targetSeconds?: number;
  prepare: () => Promise<{ measure: () => Promise<void>; dispose: () => void }>;
};

// The numbers of the benchmark table in the issue, for modules whose titles do not carry one.
const sectionNumbers: readonly [RegExp, number][] = [
  [/uncertainty/i, 3],
  [/page weight/i, 4],
];

const benchDir = fileURLToPath(new URL('./', import.meta.url));

async function main(only: readonly string[]): Promise<void> {
  const modules = await Promise.all(
    (await readdir(benchDir))
      .filter((f) => f.endsWith('.bench.ts'))
      // `npm run bench -- microdata build` runs only the modules whose names hold one of the words.
      .filter((f) => only.length === 0 || only.some((word) => f.includes(word)))
      .sort()
      .map(async (f) => ({
        file: f,
        module: (await import(pathToFileURL(join(benchDir, f)).href)) as Partial<BenchModule> & { default?: Bench },
      })),
  );
  modules.sort((a, b) => (a.module.order ?? 99) - (b.module.order ?? 99) || a.file.localeCompare(b.file));
  const out: string[] = [];
  const print = (line = '') => {
    out.push(line);
    console.log(line);
  };
  const { version: duckdb } = (await import('@duckdb/node-api/package.json', { with: { type: 'json' } })).default as { version: string };
  print(`# ipindex benchmarks, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`);
  print();
  print(
    `Machine: ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${availableParallelism()} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB memory; ${platform()} ${release()}; Node ${process.version}; @duckdb/node-api ${duckdb}.`,
  );
  print(
    `Load average at the start: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(', ')} (1, 5, 15 min): other work on the machine slows every row alike.`,
  );
  const sections: BenchSection[] = [];
  for (const { file, module } of modules) {
    const start = sections.length;
    try {
      if (module.run !== undefined) sections.push(...(await module.run()));
      else if (module.default !== undefined) sections.push(await timeCases(module.default));
    } catch (error) {
      sections.push({ title: file, rows: [{ measure: 'failed', value: '-', note: (error as Error).message.split('\n')[0] }] });
    }
    // A run takes minutes: show each module's figures as soon as they are in.
    for (const section of sections.slice(start))
      console.error(`[${file}] ${section.title}: ${section.rows.map((r) => `${r.measure} = ${r.value}`).join('; ')}`);
  }
  // Sections are numbered "(1) ...": print them in that order whichever module measured them.
  sections.sort((a, b) => a.title.localeCompare(b.title, 'en', { numeric: true }));
  {
    for (const section of sections) {
      print();
      print(`## ${section.title}`);
      print();
      if (section.rows.length > 0) {
        print('| measure | value | note |');
        print('|---|---:|---|');
        for (const row of section.rows) print(`| ${row.measure} | ${row.value} | ${row.note ?? ''} |`);
      }
      if (section.text !== undefined) {
        print();
        print('```');
        print(section.text.trimEnd());
        print('```');
      }
    }
  }
  print();
  print(
    `Load average at the end: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(', ')}.`,
  );
  await mkdir(join(benchDir, '.data'), { recursive: true });
  await writeFile(join(benchDir, '.data', 'last-run.md'), `${out.join('\n')}\n`);
}

/** Times the cases of a Bench: each prepared once, then measured `runs` times; the row gives the median. */
async function timeCases(bench: Bench): Promise<BenchSection> {
  const rows: BenchRow[] = [];
  for (const c of bench.cases) {
    const { measure, dispose } = await c.prepare();
    const seconds: number[] = [];
    try {
      for (let i = 0; i < c.runs; i++) {
        const start = performance.now();
        await measure();
        seconds.push((performance.now() - start) / 1000);
      }
    } finally {
      dispose();
    }
    seconds.sort((a, b) => a - b);
    const median = seconds[Math.floor(seconds.length / 2)] ?? NaN;
    const target = c.targetSeconds === undefined ? '' : `; target < ${c.targetSeconds} s: ${median < c.targetSeconds ? 'met' : 'missed'}`;
    rows.push({
      measure: c.name,
      value: `${median.toFixed(2)} s`,
      note: `median of ${c.runs} runs (${seconds[0]?.toFixed(2)}-${seconds.at(-1)?.toFixed(2)} s)${target}`,
    });
  }
  const number = sectionNumbers.find(([pattern]) => pattern.test(bench.title))?.[1];
  const title = bench.title.charAt(0).toUpperCase() + bench.title.slice(1);
  return { title: number === undefined ? title : `(${number}) ${title}`, rows };
}

await main(process.argv.slice(2));
