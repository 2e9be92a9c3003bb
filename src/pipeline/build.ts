import { access, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from '../lib/InputError.ts';
import { computeResults } from './computeResults.ts';
import type { StageLog } from './createStageLog.ts';
import { countValues } from './intake/countValues.ts';
import { loadDataDir } from './intake/loadDataDir.ts';
import { openDatabase } from './openDatabase.ts';
import { assembleReport } from './report/assembleReport.ts';
import { prepareDownloads } from './report/prepareDownloads.ts';
import { renderSite } from './site/renderSite.ts';
import { toolVersion } from './toolVersion.ts';
import { writeResults } from './writeResults.ts';

export type BuildOptions = {
  /** The data directory, and how to name it in messages (as the user typed it). */
  dataDir: string;
  dataLabel?: string;
  outDir: string;
  /** Skip the static site: results only (for tests of the numbers). */
  site?: boolean;
  log: StageLog;
  /** Fixed in tests so that outputs compare byte for byte. */
  builtAt?: string;
};

/**
 * Builds the report: data directory -> DuckDB -> out/data + the static site. Everything is
 * written to a fresh folder beside `outDir` and swapped in only when all of it succeeded, so a
 * failed build leaves the previous report exactly as it was.
 */
export async function build(options: BuildOptions): Promise<{ outDir: string; years: number[] }> {
  const outDir = resolve(options.outDir);
  await assertReplaceable(outDir, options.outDir);
  const staging = join(dirname(outDir), `.${basename(outDir)}.building-${process.pid}-${Date.now()}`);
  const { log } = options;
  const db = await openDatabase();
  try {
    const data = await log('read', () => loadDataDir(options.dataDir, options.dataLabel ?? options.dataDir, db), (d) =>
      `${d.inputs.length} files, ${countValues(d).toLocaleString('en-US')} values, ${d.regions.length} regions`);
    const computed = await computeResults(db, data, log);
    const builtAt = options.builtAt ?? new Date().toISOString();
    const site = join(staging, 'site');
    const results = await log('results', () => writeResults(db, join(staging, 'data'), data, computed, { version: toolVersion(), builtAt }), (r) =>
      `${r.files.length} files in data/`);
    const years = (await db.query<{ year: number }>('SELECT DISTINCT year FROM scores ORDER BY year')).map((r) => r.year);

    if (options.site === false) {
      await mkdir(site, { recursive: true });
    } else {
      const downloads = await log('downloads', () => prepareDownloads(db, join(staging, 'data'), builtAt), (d) =>
        `${d.files.length} files: CSV, XLSX, Arrow`);
      const report = await assembleReport(db, { method: data.method, builtAt, version: toolVersion(), downloads: downloads.files });
      report.accounts = results.accounts;
      const reportPath = join(staging, 'report.json');
      await writeFile(reportPath, JSON.stringify(report));
      // The workbook and Arrow files are written meanwhile: the pages render in worker threads.
      await log('site', async () => {
        const tables = downloads.writeTables();
        const [pages, written] = await Promise.allSettled([renderSite({ siteDir: site, reportPath, dataDir: join(staging, 'data'), dataReady: tables.catch(() => {}) }), tables]);
        if (written.status === 'rejected') throw written.reason;
        if (pages.status === 'rejected') throw pages.reason;
        return pages.value;
      }, (p) => `${p.pages} pages, ${years.length} years${p.compiled ? ' (report app compiled: first build of this version)' : ''}; ipindex.xlsx and Arrow files written`);
    }
    await rename(join(staging, 'data'), join(site, 'data'));
    await swapIn(site, outDir);
    return { outDir, years };
  } finally {
    db.close();
    await rm(staging, { recursive: true, force: true });
  }
}

/** Refuses to replace a folder that is not an earlier ipindex output: it may be the user's data. */
async function assertReplaceable(outDir: string, label: string): Promise<void> {
  const exists = await access(outDir).then(() => true, () => false);
  if (!exists) return;
  const manifest = await readFile(join(outDir, 'data', 'manifest.json'), 'utf8').catch(() => null);
  const isOurs = manifest !== null && (JSON.parse(manifest) as { tool?: string }).tool === 'ipindex';
  const isEmpty = (await readdir(outDir)).length === 0;
  if (!isOurs && !isEmpty) {
    throw new UsageError(`--out ${label} exists and is not an ipindex report (no data/manifest.json): choose another folder or remove it`);
  }
}

/** Replaces `outDir` by `built` with renames only, so readers never see a half-written report. */
async function swapIn(built: string, outDir: string): Promise<void> {
  const old = `${outDir}.old-${process.pid}-${Date.now()}`;
  const hadOld = await rename(outDir, old).then(() => true, (error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return false;
    throw error;
  });
  try {
    await rename(built, outDir);
  } catch (error) {
    if (hadOld) await rename(old, outDir);
    throw error;
  }
  if (hadOld) await rm(old, { recursive: true, force: true });
}
