import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Computed } from './computeResults.ts';
import type { DataDir } from './intake/loadDataDir.ts';
import { quotedString, type Database } from './openDatabase.ts';
import { readQuery } from './runQueries.ts';

/** The tables of the output contract (DESIGN.md, "Output contract"), in the order written. */
const tables = {
  'observations.csv': `SELECT region_code, year, variable, value, unit, source_value, source_unit, source_file, source_row, source_column
    FROM observations ORDER BY region_code, year, variable, source_file, source_row`,
  'indicators.csv': 'SELECT region_code, year, indicator, value, imputed, treated FROM indicators ORDER BY region_code, year, indicator',
  'scores.csv': 'SELECT region_code, year, node, level, score, rank FROM scores ORDER BY year, level DESC, node, region_code',
};

/** Facts about the run that the manifest records besides its inputs. */
export type RunInfo = { version: string; builtAt: string };

/**
 * Writes the result tables, the indicator SQL and manifest.json into `dir` (out/data), and
 * returns what the report pages need.
 */
export async function writeResults(db: Database, dir: string, data: DataDir, computed: Computed, run: RunInfo): Promise<{ files: string[] }> {
  await mkdir(dir, { recursive: true });
  const counts: Record<string, number> = {};
  for (const [file, sql] of Object.entries(tables)) {
    await db.exec(`COPY (${sql}) TO ${quotedString(join(dir, file))} (HEADER, DELIMITER ',')`);
    const [row] = await db.query<{ n: bigint | number }>(`SELECT count(*) AS n FROM (${sql})`);
    counts[file] = Number(row?.n ?? 0);
  }
  await writeFile(join(dir, 'indicators.sql'), computed.indicatorsSql);

  const years = await db.query<{ first: number; last: number }>('SELECT min(year) AS first, max(year) AS last FROM indicators');
  const manifest = {
    tool: 'ipindex',
    version: run.version,
    built_at: run.builtAt,
    inputs: data.inputs,
    method: data.method,
    coverage: {
      regions: data.regions.length,
      indicators: data.indicators.length,
      years: years[0] ?? null,
    },
    dropped_rows: data.dropped,
    outputs: Object.entries(counts).map(([file, rows]) => ({ file: `data/${file}`, rows })),
    queries: 'Every number is computed by the SQL files of queries/; data/indicators.sql is the formula SQL as it ran.',
  };
  await writeFile(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return { files: [...Object.keys(tables), 'indicators.sql', 'manifest.json'] };
}

/** The rows the first page shows: the index ranking of every year, with rank change. */
export async function reportRanking(db: Database) {
  return db.query<{
    year: number;
    region_code: string;
    name_zh: string;
    name_en: string;
    zone: string;
    score: number | null;
    rank: number | null;
    previous_rank: number | null;
    rank_change: number | null;
  }>(await readQuery('report/ranking.sql'));
}
