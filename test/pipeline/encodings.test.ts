import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, test } from 'vitest';
import { build } from '../../src/build/build.ts';
import { silentStageLog } from '../../src/build/createStageLog.ts';

// The same data directory written the ways Excel and WPS write CSV in China must give the same
// results, byte for byte.
const tiny = 'test/fixtures/tiny';
const work = 'test/output/encodings';

const variants: Record<string, (text: string) => Buffer> = {
  'utf-8': (text) => Buffer.from(text, 'utf8'),
  'utf-8-bom': (text) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]),
  gbk: (text) => iconv.encode(text, 'gbk'),
  gb18030: (text) => iconv.encode(text, 'gb18030'),
  'utf-16le-bom': (text) => Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]),
  'crlf-semicolon': (text) => Buffer.from(text.replace(/"[^"]*"|,/g, (m) => (m === ',' ? ';' : m)).replace(/\n/g, '\r\n'), 'utf8'),
};

async function buildVariant(name: string, encode: (text: string) => Buffer) {
  const data = join(work, name, 'data');
  await rm(join(work, name), { recursive: true, force: true });
  await mkdir(data, { recursive: true });
  for (const file of await readdir(tiny)) {
    if (!file.endsWith('.csv')) {
      await cp(join(tiny, file), join(data, file));
      continue;
    }
    await writeFile(join(data, file), encode(await readFile(join(tiny, file), 'utf8')));
  }
  const out = join(work, name, 'out');
  await build({ dataDir: data, outDir: out, site: false, log: silentStageLog, builtAt: '2026-01-01T00:00:00Z' });
  const manifest = JSON.parse(await readFile(join(out, 'data', 'manifest.json'), 'utf8'));
  return {
    scores: await readFile(join(out, 'data', 'scores.csv'), 'utf8'),
    indicators: await readFile(join(out, 'data', 'indicators.csv'), 'utf8'),
    encodings: Object.fromEntries(
      manifest.inputs
        .filter((i: { encoding?: string }) => i.encoding)
        .map((i: { file: string; encoding: string }) => [i.file.split('/').at(-1), i.encoding]),
    ),
  };
}

describe('encodings and dialects of the same data', () => {
  let reference: Awaited<ReturnType<typeof buildVariant>>;
  beforeAll(async () => {
    reference = await buildVariant('utf-8', variants['utf-8']!);
  });

  test.each(Object.keys(variants).filter((v) => v !== 'utf-8'))('%s builds to identical scores and indicators', async (name) => {
    const result = await buildVariant(name, variants[name]!);
    expect(result.scores).toBe(reference.scores);
    expect(result.indicators).toBe(reference.indicators);
    const expectedEncoding = {
      gbk: 'gb18030',
      gb18030: 'gb18030',
      'utf-8-bom': 'utf-8-bom',
      'utf-16le-bom': 'utf-16le',
      'crlf-semicolon': 'utf-8',
    }[name];
    // economy.csv has Chinese names, so its encoding is detectable; the manifest records it.
    expect(result.encodings['economy.csv']).toBe(expectedEncoding);
  });

  test('the reference build has the expected size', () => {
    expect(reference.scores.trim().split('\n')).toHaveLength(1 + 3 * 2 * 7);
  });
});
