// The page-weight report: `npm run bench:site [dir]` lists what each page of a built report
// transfers on a first visit, gzipped, against the budget (150 KB), and fails if one is over.
import { siteWeight } from './siteWeight.ts';

const budget = 150 * 1024;
const dir = process.argv[2] ?? 'out';
const weights = await siteWeight(dir);
if (weights.length === 0) {
  console.error(`no pages in ${dir}: build the report first (npm run build)`);
  process.exit(1);
}
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
console.log(`${'page'.padEnd(44)} ${'files'.padStart(5)} ${'raw'.padStart(10)} ${'gzipped'.padStart(10)}`);
for (const w of weights) {
  console.log(
    `${w.page.padEnd(44)} ${String(w.files).padStart(5)} ${kb(w.bytes).padStart(10)} ${kb(w.gzipped).padStart(10)}${w.gzipped > budget ? '  OVER BUDGET' : ''}`,
  );
}
const heaviest = weights.reduce((a, b) => (b.gzipped > a.gzipped ? b : a));
const over = weights.filter((w) => w.gzipped > budget);
console.log(
  `\n${weights.length} pages; heaviest ${heaviest.page} ${kb(heaviest.gzipped)}; budget ${kb(budget)} per page; ${over.length} over`,
);
process.exitCode = over.length > 0 ? 1 : 0;
