/**
 * The points of a build where the fault-injection suite (test/reliability/) kills the process,
 * to prove that a build stopped at any of them loses nothing. Named by IPINDEX_FAULT; a build
 * run without it never stops here.
 */
export type FaultPoint = 'after-claim' | 'after-results' | 'before-swap' | 'after-old-moved' | 'after-new-placed' | 'after-keepers-moved';

/** Kills this process, as kill -9 would, when IPINDEX_FAULT names `point`. */
export function faultPoint(point: FaultPoint): void {
  if (process.env.IPINDEX_FAULT === point) process.kill(process.pid, 'SIGKILL');
}
