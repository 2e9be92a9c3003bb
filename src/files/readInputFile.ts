import { constants } from 'node:fs';
import { access, open, stat } from 'node:fs/promises';
import type { Problem } from '../lib/InputError.ts';

/**
 * Reads a whole input file of at most `maxBytes`, or says in one problem why it cannot be read:
 * missing, a folder (or a link to one), not a regular file, not readable, or too large.
 */
export async function readInputFile(
  path: string,
  label: string,
  expected: string,
  maxBytes: number,
): Promise<{ bytes: Buffer } | { problem: Problem }> {
  const notUsable = await fileProblem(path, label, expected, maxBytes);
  if (notUsable !== null) return { problem: notUsable };
  try {
    const handle = await open(path, 'r');
    try {
      return { bytes: await handle.readFile() };
    } finally {
      await handle.close();
    }
  } catch (error) {
    return { problem: { file: label, found: `a file that cannot be read (${describeFsError(error)})`, expected } };
  }
}

/** Why `path` is not a regular file of at most `maxBytes` that this process can read, or null. */
export async function fileProblem(path: string, label: string, expected: string, maxBytes = Infinity): Promise<Problem | null> {
  const state = await stat(path).catch((error: unknown) => error as NodeJS.ErrnoException);
  if (state instanceof Error) {
    const found =
      state.code === 'ENOENT' ? 'no such file (or a link to nothing)' : `a file that cannot be read (${describeFsError(state)})`;
    return { file: label, found, expected };
  }
  if (state.isDirectory()) return { file: label, found: 'a folder', expected };
  if (!state.isFile()) return { file: label, found: 'something that is not a regular file (a device, a pipe or a socket)', expected };
  if (state.size > maxBytes)
    return { file: label, found: `a file of ${formatBytes(state.size)}`, expected: `${expected}, of at most ${formatBytes(maxBytes)}` };
  const readable = await access(path, constants.R_OK).then(
    () => null,
    (error: unknown) => error,
  );
  if (readable !== null) return { file: label, found: `a file that cannot be read (${describeFsError(readable)})`, expected };
  return null;
}

/** A file-system error in a few words. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const words: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'not permitted',
    EISDIR: 'it is a folder',
    ENOENT: 'it no longer exists',
    ELOOP: 'a loop of symbolic links',
    EIO: 'an input/output error of the disk',
  };
  return (code === undefined ? undefined : words[code]) ?? code ?? String((error as Error).message ?? error);
}

function formatBytes(bytes: number): string {
  if (bytes >= 2 ** 30) return `${(bytes / 2 ** 30).toFixed(1)} GB`;
  if (bytes >= 2 ** 20) return `${(bytes / 2 ** 20).toFixed(1)} MB`;
  return `${Math.ceil(bytes / 1024)} KB`;
}
