// The plain Node baseline of (1): csv-parse streaming a patent_records.csv and JavaScript
// aggregating it into the same cube as microdataFloor.ts (a Map keyed by the fields the
// patent variables depend on). `node --import tsx bench/microdataNode.ts FILE` prints JSON:
// seconds, groups, peak resident bytes.
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';

const file = process.argv[2];
if (file === undefined) {
  console.error('usage: microdataNode.ts FILE');
  process.exit(2);
}
const start = performance.now();
const cube = new Map<string, number>();
const parser = createReadStream(file).pipe(parse({ columns: true, skip_empty_lines: true }));
for await (const record of parser as AsyncIterable<Record<string, string>>) {
  const key = `${record.region_code}|${record.filing_year}|${record.type}|${record.grant_year}|${record.lapse_year}|${record.high_value}|${record.pct}`;
  cube.set(key, (cube.get(key) ?? 0) + 1);
}
const seconds = (performance.now() - start) / 1000;
console.log(JSON.stringify({ seconds, groups: cube.size, peakBytes: process.resourceUsage().maxRSS * 1024 }));
