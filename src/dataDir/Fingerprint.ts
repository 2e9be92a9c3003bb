/** A file's content, identified: its SHA-256 (hex), its size, and when the reading for it began. */
export type Fingerprint = {
  sha256: string;
  bytes: number;
  /**
   * The time (ms since the epoch) the hash began to read the file: a file whose status last
   * changed well before it cannot have changed under the hash (see csvCache.ts, settled notes).
   */
  startedAt: number;
};
