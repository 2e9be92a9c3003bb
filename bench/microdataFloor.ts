// The floor of (1): DuckDB alone, default settings, scanning a patent_records file once and
// aggregating it by every field the patent variables depend on (from this cube each variable
// follows by a sum over a few thousand rows). `node --import tsx bench/microdataFloor.ts
// csv|parquet FILE` prints JSON: seconds (in-process), groups, peak resident bytes.
import { DuckDBInstance } from '@duckdb/node-api';

const [format, file] = process.argv.slice(2);
if ((format !== 'csv' && format !== 'parquet') || file === undefined) {
  console.error('usage: microdataFloor.ts csv|parquet FILE');
  process.exit(2);
}
const start = performance.now();
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const reader = await connection.runAndReadAll(
  `SELECT count(*) AS groups FROM (
     SELECT region_code, filing_year, type, grant_year, lapse_year, high_value, pct, count(*) AS n
     FROM ${format === 'csv' ? 'read_csv' : 'read_parquet'}($file)
     GROUP BY ALL
   )`,
  { file },
);
const groups = Number(reader.getRowObjectsJS()[0]?.groups ?? 0);
const seconds = (performance.now() - start) / 1000;
console.log(JSON.stringify({ seconds, groups, peakBytes: process.resourceUsage().maxRSS * 1024 }));
