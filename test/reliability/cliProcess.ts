import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chownSync, lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';

/** The uid and gid of `nobody`, the other user the suite builds as when it runs as root. */
export const nobody = { uid: 65534, gid: 65534 };
export const isRoot = process.getuid?.() === 0;

export type CliRun = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string };

/**
 * Runs `ipindex` in a process of its own (as a user would, and so that it can be killed), as
 * `as` when given. `onStart` gets the child, to signal it.
 */
export function runIpindex(
  args: string[],
  options: {
    env?: NodeJS.ProcessEnv;
    as?: { uid: number; gid: number };
    onStart?: (child: ReturnType<typeof spawn>) => void;
    /** The installation whose bin/ipindex.js runs; this checkout by default. */
    installation?: string;
  } = {},
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(options.installation ?? process.cwd(), 'bin', 'ipindex.js'), ...args], {
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(options.as === undefined ? {} : { uid: options.as.uid, gid: options.as.gid }),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    options.onStart?.(child);
  });
}

/**
 * What a folder holds, to compare byte for byte: each file's and link's path with the SHA-256
 * of its content (or its target), and each folder's path.
 */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (relative: string) => {
    for (const name of readdirSync(join(dir, relative)).sort()) {
      const path = relative === '' ? name : `${relative}/${name}`;
      const state = lstatSync(join(dir, path));
      if (state.isDirectory()) {
        out[`${path}/`] = 'folder';
        walk(path);
      } else if (state.isSymbolicLink()) out[path] = `-> ${readlinkSync(join(dir, path))}`;
      else
        out[path] = createHash('sha256')
          .update(readFileSync(join(dir, path)))
          .digest('hex');
    }
  };
  walk('');
  return out;
}

/** Hands a folder and everything in it to `owner`. */
export function chownTree(dir: string, owner: { uid: number; gid: number }): void {
  chownSync(dir, owner.uid, owner.gid);
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (lstatSync(path).isDirectory()) chownTree(path, owner);
    else chownSync(path, owner.uid, owner.gid);
  }
}
