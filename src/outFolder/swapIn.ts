import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { assertNothingForeign, type OutClaim } from './claimOutDir.ts';
import { faultPoint } from './faultPoint.ts';
import { previousPath } from './leftovers.ts';
import { listReportFiles } from './listReportFiles.ts';

/**
 * Puts the report built in `built` in place of `--out` with renames only, so that a reader
 * never sees half a report and a build stopped at any point leaves either report whole: the old
 * one is set aside beside it, the new one renamed in, the kept files (.git, CNAME...) moved
 * across, and only then the old one removed. The renames are synchronous: a signal cannot come
 * between them (a build killed between two of them is put right by the next,
 * leftovers.ts). Returns a note when the old report could not be removed.
 */
export async function swapIn(built: string, claim: OutClaim, label: string): Promise<string | null> {
  const { outDir, kept } = claim;
  const hadOld = existsSync(outDir);
  const present = hadOld ? await listReportFiles(outDir) : [];
  if (claim.previousFiles === null && present.some((file) => !kept.includes(file.split('/')[0] ?? ''))) {
    // A report from before manifests listed their files: what this build wrote is the measure,
    // with the compiled app's files (named by their content hash, so other names in another
    // version) and the page data files versions before 0.2 wrote.
    const own = present.filter(
      (file) => !kept.includes(file.split('/')[0] ?? '') && !file.startsWith('_app/') && !file.endsWith('/__data.json'),
    );
    assertNothingForeign(label, own, new Set(await listReportFiles(built)));
  }
  faultPoint('before-swap');
  const old = previousPath(outDir);
  if (hadOld) renameSync(outDir, old);
  faultPoint('after-old-moved');
  try {
    renameSync(built, outDir);
  } catch (error) {
    if (hadOld) renameSync(old, outDir);
    throw error;
  }
  faultPoint('after-new-placed');
  if (!hadOld) return null;
  for (const name of kept) {
    if (existsSync(join(old, name)) && !existsSync(join(outDir, name))) renameSync(join(old, name), join(outDir, name));
  }
  faultPoint('after-keepers-moved');
  try {
    rmSync(old, { recursive: true, force: true });
    return null;
  } catch (error) {
    return `the previous report could not be removed from ${old} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); the new report is in place`;
  }
}
