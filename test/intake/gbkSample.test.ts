import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, test } from 'vitest';
import { build } from '../../src/build/build.ts';
import { silentStageLog } from '../../src/build/createStageLog.ts';

// The bundled sample (data/) as Excel on Chinese Windows saves it: every CSV in GBK, with CRLF
// line ends. It must build to exactly the results of the UTF-8 original.
const work = 'test/output/gbk-sample';

async function buildCopy(name: string, encode: (text: string) => Buffer) {
  const dir = join(work, name);
  await mkdir(join(dir, 'data'), { recursive: true });
  for (const file of await readdir('data')) {
    if (file.endsWith('.csv')) await writeFile(join(dir, 'data', file), encode(await readFile(join('data', file), 'utf8')));
    else if (!file.endsWith('.md')) await cp(join('data', file), join(dir, 'data', file), { recursive: true });
  }
  await build({ dataDir: join(dir, 'data'), outDir: join(dir, 'out'), site: false, log: silentStageLog, builtAt: '2026-01-01T00:00:00Z' });
  const table = (file: string) => readFile(join(dir, 'out', 'data', file), 'utf8');
  const manifest = JSON.parse(await table('manifest.json')) as { inputs: { file: string; encoding?: string }[] };
  return {
    indicators: await table('indicators.csv'),
    scores: await table('scores.csv'),
    // Observations name their source file, which lives in another folder here.
    observations: (await table('observations.csv')).replaceAll(`${dir}/`, ''),
    encodings: Object.fromEntries(manifest.inputs.map((i) => [i.file.split('/').at(-1), i.encoding])),
  };
}

describe('a GBK copy of the sample data', () => {
  beforeAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  test('builds to indicators, scores and observations identical to the UTF-8 original', async () => {
    const utf8 = await buildCopy('utf-8', (text) => Buffer.from(text, 'utf8'));
    const gbk = await buildCopy('gbk', (text) => iconv.encode(text.replace(/\n/g, '\r\n'), 'gbk'));
    // Detected from the bytes: nothing says GBK but the file itself.
    expect(gbk.encodings).toMatchObject({
      'regions.csv': 'gb18030',
      'variables.csv': 'gb18030',
      'framework.csv': 'gb18030',
      'protection.csv': 'gb18030',
    });
    expect(utf8.encodings).toMatchObject({ 'regions.csv': 'utf-8', 'variables.csv': 'utf-8' });
    expect(gbk.indicators).toBe(utf8.indicators);
    expect(gbk.scores).toBe(utf8.scores);
    expect(gbk.observations).toBe(utf8.observations);
    // 31 provinces: the build is the whole sample, not an empty one.
    expect(
      new Set(
        utf8.indicators
          .split('\n')
          .slice(1, -1)
          .map((line) => line.split(',')[0]),
      ).size,
    ).toBe(31);
  });
});
