import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** The folders a build makes beside `--out`, named after it and after the process that made them. */
export function stagingPath(outDir: string): string {
  return join(dirname(outDir), `.${basename(outDir)}.building-${process.pid}-${Date.now()}`);
}

/** Where the previous report waits, during the swap, until the new one is in place. */
export function previousPath(outDir: string): string {
  return join(dirname(outDir), `.${basename(outDir)}.old-${process.pid}-${Date.now()}`);
}

/** Whether the process `pid` is running (on this machine). */
export function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Puts right what builds of `outDir` left behind when they were killed (kill -9, a power cut):
 * a half-built folder is removed; a previous report set aside for the swap is put back if no
 * report took its place, and otherwise hands the new one the files the user keeps (`kept`)
 * before it is removed. Only leftovers of processes that no longer run are touched, unless
 * `own` says this process is stopping and its own leftovers go too. Synchronous, so that a
 * signal handler can run it and nothing interleaves with it. Returns what it did.
 */
export function recoverLeftovers(outDir: string, kept: readonly string[], own = false): string[] {
  const parent = dirname(outDir);
  const name = basename(outDir);
  const done: string[] = [];
  const pattern = new RegExp(`^\\.?${escapeRegExp(name)}\\.(building|old)-(\\d+)-\\d+$`);
  let entries: string[];
  try {
    entries = readdirSync(parent);
  } catch {
    return done;
  }
  // Set-aside reports first: one may have to go back in place before anything is removed.
  const found = entries
    .flatMap((entry) => {
      const match = pattern.exec(entry);
      return match === null ? [] : [{ entry, kind: match[1] as 'building' | 'old', pid: Number(match[2]) }];
    })
    .sort((a, b) => (a.kind === b.kind ? a.entry.localeCompare(b.entry) : a.kind === 'old' ? -1 : 1));
  for (const { entry, kind, pid } of found) {
    const mine = pid === process.pid;
    if (mine ? !own : isRunning(pid)) continue;
    const path = join(parent, entry);
    if (kind === 'old' && !existsSync(outDir)) {
      renameSync(path, outDir);
      done.push(`put the previous report back from ${entry} (a build stopped while replacing it)`);
      continue;
    }
    if (kind === 'old') {
      for (const keep of kept) {
        if (existsSync(join(path, keep)) && !existsSync(join(outDir, keep))) renameSync(join(path, keep), join(outDir, keep));
      }
    }
    rmSync(path, { recursive: true, force: true });
    done.push(`removed ${entry}, left by a build that was stopped`);
  }
  return done;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
