import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';

/** A finished child process: wall time, peak memory of its whole process tree, output. */
export type Measured = { seconds: number; peakBytes: number | null; code: number | null; stdout: string; stderr: string };

/**
 * Runs a command and measures its wall time and the peak resident memory of its process tree
 * (the build spawns Vite, whose memory counts too), sampled from /proc every 20 ms; null where
 * /proc does not exist. A peak shorter than a sample can be missed, so the figure is a floor.
 */
export async function measureProcess(
  command: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<Measured> {
  const start = performance.now();
  const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let peak: number | null = null;
  let sampling = true;
  const sampler = (async () => {
    while (sampling && child.pid !== undefined) {
      const rss = await treeRss(child.pid);
      if (rss !== null) peak = Math.max(peak ?? 0, rss);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  const seconds = (performance.now() - start) / 1000;
  sampling = false;
  await sampler;
  return { seconds, peakBytes: peak, code, stdout, stderr };
}

/**
 * Resident memory of a process and all its descendants, in bytes (Linux /proc). The tree is
 * walked from the root through each thread's children, not by reading every process of the
 * machine: the sampler must not take the CPU the measured process needs.
 */
async function treeRss(root: number): Promise<number | null> {
  let total = 0;
  let found = false;
  const queue = [root];
  for (let pid = queue.shift(); pid !== undefined; pid = queue.shift()) {
    try {
      const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
      // Fields after the command name (in parentheses, which may hold spaces): rss is field 24.
      total += Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[21]) * 4096;
      found = true;
      for (const task of await readdir(`/proc/${pid}/task`)) {
        const children = await readFile(`/proc/${pid}/task/${task}/children`, 'utf8').catch(() => '');
        for (const child of children.split(' ').filter((c) => c !== '')) queue.push(Number(child));
      }
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return found ? total : null;
}

/** Bytes as MB with no decimals, or "n/a". */
export function megabytes(bytes: number | null): string {
  return bytes === null ? 'n/a' : `${Math.round(bytes / 2 ** 20)} MB`;
}

/** The item with the median value (the upper middle of an even number), as the benches quote. */
export function medianBy<T>(items: readonly T[], value: (item: T) => number): T {
  return [...items].sort((a, b) => value(a) - value(b))[Math.floor(items.length / 2)]!;
}
