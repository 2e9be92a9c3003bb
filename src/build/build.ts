import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { computeResults } from './computeResults.ts';
import type { StageLog } from './createStageLog.ts';
import { countValues } from '../intake/countValues.ts';
import { loadDataDir } from '../intake/loadDataDir.ts';
import { openDatabase } from '../database/openDatabase.ts';
import { claimOutDir, type OutClaim } from '../outFolder/claimOutDir.ts';
import { faultPoint } from '../outFolder/faultPoint.ts';
import { recoverLeftovers } from '../outFolder/leftovers.ts';
import { listReportFiles } from '../outFolder/listReportFiles.ts';
import { swapIn } from '../outFolder/swapIn.ts';
import { assembleReport } from '../report/assembleReport.ts';
import { prepareDownloads } from '../report/prepareDownloads.ts';
import { renderSite } from '../site/renderSite.ts';
import { toolVersion } from './toolVersion.ts';
import { writeResults } from './writeResults.ts';

export type BuildOptions = {
  /** The data directory, and how to name it in messages (as the user typed it). */
  dataDir: string;
  dataLabel?: string;
  outDir: string;
  /** A database whose tables hold the registry records, aggregated there (src/warehouse/): --microdata. */
  warehouse?: { url: string; label: string };
  /** Skip the static site: results only (for tests of the numbers). */
  site?: boolean;
  log: StageLog;
  /** Receives notes on the report folder: leftovers of stopped builds put right, say. */
  note?: (line: string) => void;
  /** Fixed in tests so that outputs compare byte for byte. */
  builtAt?: string;
};

/**
 * Builds the report: data directory -> DuckDB -> out/data + the static site. Everything is
 * written to a fresh folder beside `outDir` and swapped in only when all of it succeeded, so a
 * failed build leaves the previous report exactly as it was.
 */
export async function build(options: BuildOptions): Promise<{ outDir: string; years: number[] }> {
  const claim = await claimOutDir(options.outDir, options.dataDir);
  const { staging, outDir } = claim;
  const note = options.note ?? (() => {});
  for (const line of claim.recovered) note(line);
  const stopped = stopHandler(claim);
  const { log } = options;
  faultPoint('after-claim');
  const db = await openDatabase();
  try {
    const data = await log('read', () => loadDataDir(options.dataDir, options.dataLabel ?? options.dataDir, db, options.warehouse), (d) =>
      `${d.inputs.length} files, ${countValues(d).toLocaleString('en-US')} values, ${d.regions.length} regions`);
    for (const file of data.unused ?? []) note(`${file.file} not read: ${file.reason}`);
    const computed = await computeResults(db, data, log);
    const builtAt = options.builtAt ?? new Date().toISOString();
    const site = join(staging, 'site');
    const results = await log('results', () => writeResults(db, join(staging, 'data'), data, computed, { version: toolVersion(), builtAt }), (r) =>
      `${r.files.length} files in data/`);
    faultPoint('after-results');
    const years = (await db.query<{ year: number }>('SELECT DISTINCT year FROM scores ORDER BY year')).map((r) => r.year);

    if (options.site === false) {
      await mkdir(site, { recursive: true });
    } else {
      const downloads = await log('downloads', () => prepareDownloads(db, join(staging, 'data'), { sample: data.method.report.sample_data, ...(data.method.report.scope === undefined ? {} : { scope: data.method.report.scope }), builtAt, version: toolVersion() }), (d) =>
        `${d.files.length} files: CSV, XLSX, Arrow, CSV for spreadsheets`);
      // The workbook, the Arrow files and the copies for spreadsheets are written in a thread of
      // their own from here on, while the report is assembled and the pages render.
      const tables = downloads.writeTables();
      // Handled here so that a failure while the report is assembled is not an unhandled rejection; it is awaited below.
      tables.catch(() => {});
      const reportPath = join(staging, 'report.json');
      try {
        const report = await assembleReport(db, { method: data.method, builtAt, version: toolVersion(), downloads: downloads.files });
        report.accounts = results.accounts;
        await writeFile(reportPath, JSON.stringify(report));
        // Nothing after this reads the database: closed now, it gives its memory (a gigabyte
        // at prefecture level) back before the pages render.
        db.close();
      } catch (error) {
        // Its folder goes when the build fails: the writer stops first.
        await tables.catch(() => {});
        throw error;
      }
      await log('site', async () => {
        const [pages, written] = await Promise.allSettled([renderSite({ siteDir: site, reportPath, dataDir: join(staging, 'data'), dataReady: tables.catch(() => {}) }), tables]);
        if (written.status === 'rejected') throw written.reason;
        if (pages.status === 'rejected') throw pages.reason;
        return pages.value;
      }, (p) => `${p.pages} pages, ${years.length} years${p.compiled ? ' (report app compiled: first build of this version)' : ''}; ipindex.xlsx and Arrow files written`);
    }
    await rename(join(staging, 'data'), join(site, 'data'));
    await recordFiles(site);
    const left = await swapIn(site, claim, options.outDir);
    if (left !== null) note(left);
    return { outDir, years };
  } finally {
    db.close();
    await rm(staging, { recursive: true, force: true });
    stopped.dispose();
    claim.release();
  }
}

/**
 * Lists every file of the report in its manifest, so that a later build can prove that the
 * folder holds nothing else before it replaces it (outFolder/claimOutDir.ts).
 */
async function recordFiles(site: string): Promise<void> {
  const path = join(site, 'data', 'manifest.json');
  const manifest = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
  manifest.files = await listReportFiles(site);
  await writeFile(path, `${JSON.stringify(manifest, null, 2)}\n`);
}

/**
 * On Ctrl-C (or a kill that can be caught) while the build runs, removes what it wrote beside
 * `--out`, puts back a report it had set aside, and frees the lock before the process ends.
 */
function stopHandler(claim: OutClaim): { dispose(): void } {
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  const codes = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
  const handler = (signal: (typeof signals)[number]) => {
    try {
      recoverLeftovers(claim.outDir, claim.kept, true);
    } finally {
      claim.release();
      process.stderr.write(`\nipindex: stopped (${signal}); what the build had written beside ${claim.outDir} was removed\n`);
      process.exit(codes[signal]);
    }
  };
  for (const signal of signals) process.on(signal, handler);
  return { dispose: () => { for (const signal of signals) process.off(signal, handler); } };
}

