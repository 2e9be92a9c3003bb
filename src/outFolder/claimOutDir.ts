import { constants, closeSync, mkdirSync, openSync, readFileSync, realpathSync, rmSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { access, readFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { UsageError } from '../lib/InputError.ts';
import { keptNames } from './keptNames.ts';
import { isRunning, recoverLeftovers, stagingPath } from './leftovers.ts';
import { listReportFiles } from './listReportFiles.ts';

/** The report folder a build may replace, held for this build alone. */
export type OutClaim = {
  /** `--out` resolved, through any symbolic link. */
  outDir: string;
  /** The fresh folder beside it that the build writes into. */
  staging: string;
  /** Top-level names of the old folder that move into the new report (.git, CNAME...). */
  kept: string[];
  /** The files of the old report ipindex wrote, from its manifest; null for a report too old to list them. */
  previousFiles: string[] | null;
  /** What was put right of interrupted builds before this one. */
  recovered: string[];
  /** Lets the next build in. */
  release(): void;
};

/** A report written by `ipindex pdf` into a built report, beside the files of the build. */
const writtenLater = new Set(['report.pdf']);

/**
 * Checks, before anything is computed, that `--out` can be replaced by a new report without
 * losing anything, and claims it: it must not exist, be empty, or be an ipindex report (by its
 * data/manifest.json) holding nothing ipindex did not write but the names kept across builds
 * (keptNames.ts); it must not hold the data directory nor lie inside it; it and its parent must
 * be writable. A lock beside it keeps a second build out meanwhile, and leftovers of killed
 * builds are put right. Throws UsageError (exit 2) with what was found.
 */
export async function claimOutDir(outArgument: string, dataDir: string): Promise<OutClaim> {
  const label = outArgument;
  const outDir = realOrResolved(outArgument);
  const data = realOrResolved(dataDir);
  const state = statOf(outDir);
  if (state !== null && !state.isDirectory())
    throw new UsageError(`--out ${label} is a file, not a folder: give the folder the report goes to`);
  if (isInside(data, outDir)) {
    throw new UsageError(
      `--out ${label} ${data === outDir ? 'is' : 'contains'} the data directory ${dataDir}: a build replaces --out whole, so choose a folder outside the data`,
    );
  }
  if (isInside(outDir, data))
    throw new UsageError(
      `--out ${label} is inside the data directory ${dataDir}, which a build never writes to: choose a folder outside it`,
    );
  const parent = dirname(outDir);
  const parentState = statOf(parent);
  if (parentState !== null && !parentState.isDirectory()) throw new UsageError(`--out ${label}: ${dirname(label)} is a file, not a folder`);
  if (parentState === null) {
    try {
      mkdirSync(parent, { recursive: true });
    } catch (error) {
      throw new UsageError(
        `--out ${label}: its folder ${dirname(label)} could not be made (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      );
    }
  }
  await writable(parent, `--out ${label}: its folder ${dirname(label) === '.' ? 'here' : dirname(label)} cannot be written to`);

  const kept = keptNames(outDir);
  let previousFiles: string[] | null = null;
  if (state !== null) {
    await writable(outDir, `--out ${label} cannot be written to`);
    previousFiles = await previousReport(outDir, label, kept);
  }
  const release = takeLock(outDir, label);
  try {
    const recovered = recoverLeftovers(outDir, kept);
    const staging = stagingPath(outDir);
    mkdirSync(staging);
    return { outDir, staging, kept, previousFiles, recovered, release };
  } catch (error) {
    release();
    throw error;
  }
}

/**
 * The files of the report in `outDir`, once it is proven to be one: null for an empty folder or
 * a report from before manifests listed their files (then swapIn compares with the new one).
 */
async function previousReport(outDir: string, label: string, kept: readonly string[]): Promise<string[] | null> {
  const entries = await listReportFiles(outDir);
  const own = entries.filter((file) => !kept.includes(file.split('/')[0] ?? ''));
  if (own.length === 0) return null;
  const text = await readFile(join(outDir, 'data', 'manifest.json'), 'utf8').catch(() => null);
  const notOurs = `--out ${label} exists and is not an ipindex report`;
  if (text === null) throw new UsageError(`${notOurs} (no data/manifest.json): choose another folder, or remove it yourself if it may go`);
  let manifest: { tool?: unknown; files?: unknown };
  try {
    manifest = JSON.parse(text) as typeof manifest;
  } catch (error) {
    throw new UsageError(
      `${notOurs}: its data/manifest.json is not valid JSON (${(error as Error).message}), so it cannot be proven to be one; choose another folder, or remove it yourself if it may go`,
    );
  }
  if (manifest === null || typeof manifest !== 'object' || manifest.tool !== 'ipindex') {
    throw new UsageError(
      `${notOurs}: its data/manifest.json was not written by ipindex; choose another folder, or remove it yourself if it may go`,
    );
  }
  if (!Array.isArray(manifest.files)) return null;
  const files = manifest.files.filter((f): f is string => typeof f === 'string');
  assertNothingForeign(label, own, new Set(files));
  const clash = kept.filter((name) => files.some((file) => file.split('/')[0] === name));
  if (clash.length > 0)
    throw new UsageError(
      `--out ${label}: .ipindex-keep lists ${clash.join(', ')}, which the report itself writes; remove it from the list`,
    );
  return files;
}

/**
 * Refuses a report folder holding files that ipindex did not write (`ours` lists those it did):
 * a build would delete them with the old report.
 */
export function assertNothingForeign(label: string, present: readonly string[], ours: ReadonlySet<string>): void {
  const foreign = new Set<string>();
  const ourFolders = new Set(
    [...ours].flatMap((file) =>
      file
        .split('/')
        .slice(0, -1)
        .map((_, i, parts) => parts.slice(0, i + 1).join('/')),
    ),
  );
  for (const file of present) {
    if (ours.has(file) || writtenLater.has(file)) continue;
    // The outermost folder that holds nothing of the report is named, not each file in it.
    const parts = file.split('/');
    const outermost = parts.findIndex((_, i) => i < parts.length - 1 && !ourFolders.has(parts.slice(0, i + 1).join('/')));
    foreign.add(outermost === -1 ? file : `${parts.slice(0, outermost + 1).join('/')}/`);
  }
  if (foreign.size === 0) return;
  const list = [...foreign].sort();
  const shown = list.slice(0, 5).join(', ') + (list.length > 5 ? ` and ${list.length - 5} more` : '');
  throw new UsageError(
    `--out ${label} holds ${list.length === 1 ? 'something' : `${list.length} things`} ipindex did not write (${shown}), which a build would delete: ` +
      `move ${list.length === 1 ? 'it' : 'them'} out of the report, or, to keep ${list.length === 1 ? 'it' : 'them'} across builds, name the top-level ${list.length === 1 ? 'entry' : 'entries'} in ${label}/.ipindex-keep, one a line`,
  );
}

/** A lock file beside `--out`: the first build holds it; another build meanwhile is refused. */
function takeLock(outDir: string, label: string): () => void {
  const lock = join(dirname(outDir), `.${basename(outDir)}.lock`);
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(lock, 'wx');
      writeSync(fd, `${JSON.stringify({ pid: process.pid, started: new Date().toISOString() })}\n`);
      closeSync(fd);
      let held = true;
      return () => {
        if (held) rmSync(lock, { force: true });
        held = false;
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw error;
    }
    const holder = lockHolder(lock);
    if (holder !== null && isRunning(holder)) {
      throw new UsageError(`--out ${label} is being written by another ipindex build (process ${holder}): wait for it to finish`);
    }
    // Left by a build that was killed: it no longer holds anything.
    try {
      unlinkSync(lock);
    } catch {
      // Another build removed it first; the next attempt settles who holds it.
    }
  }
}

function lockHolder(lock: string): number | null {
  try {
    const pid = (JSON.parse(readFileSync(lock, 'utf8')) as { pid?: unknown }).pid;
    return typeof pid === 'number' ? pid : null;
  } catch {
    return null;
  }
}

async function writable(path: string, message: string): Promise<void> {
  await access(path, constants.W_OK).catch((error: NodeJS.ErrnoException) => {
    const why =
      error.code === 'EROFS' ? 'a read-only file system' : error.code === 'EPERM' ? 'not permitted (immutable?)' : 'permission denied';
    throw new UsageError(`${message} (${why})`);
  });
}

function statOf(path: string) {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

function realOrResolved(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    // Not there yet: its parent may still be a link.
    const absolute = resolve(path);
    try {
      return join(realpathSync(dirname(absolute)), basename(absolute));
    } catch {
      return absolute;
    }
  }
}

/** Whether `inner` is `outer` or lies below it. */
function isInside(inner: string, outer: string): boolean {
  const rel = relative(outer, inner);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !rel.startsWith(sep) && !/^[a-zA-Z]:/.test(rel));
}
