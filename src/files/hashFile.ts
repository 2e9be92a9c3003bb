import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { Fingerprint } from '../dataDir/Fingerprint.ts';

/**
 * The SHA-256 (hex) and size of a file, read as a stream so that a register of several
 * gigabytes is never held in memory.
 */
export async function hashFile(path: string): Promise<Fingerprint> {
  const startedAt = Date.now();
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 4 << 20 }) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.length;
  }
  return { sha256: hash.digest('hex'), bytes, startedAt };
}
