import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from '../../src/build/build.ts';
import { silentStageLog } from '../../src/build/createStageLog.ts';

/** The name the browser tests give Tibet in Chinese: markup that would run if it were rendered as HTML. */
export const hostileName = '<img src=x onerror=alert(1)>';
/** Tibet's English name in the tests: a spreadsheet formula, which downloads must not let run. */
export const formulaName = '=HYPERLINK("http://example.invalid","x")';

const sample = fileURLToPath(new URL('../../data/', import.meta.url));

/**
 * Builds the site from the bundled sample with Tibet (540000) renamed to the two names above,
 * into a fresh temporary folder; returns the report folder.
 */
export async function buildHostileSample(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'ipindex-e2e-'));
  const data = join(root, 'data');
  await cp(sample, data, { recursive: true });
  const regions = await readFile(join(data, 'regions.csv'), 'utf8');
  const renamed = regions.replace(/^540000,[^,]*,[^,]*,/m, `540000,"${hostileName}","${formulaName.replaceAll('"', '""')}",`);
  if (renamed === regions) throw new Error('the sample has no region 540000 to rename');
  await writeFile(join(data, 'regions.csv'), renamed);
  const out = join(root, 'out');
  await build({ dataDir: data, dataLabel: 'data', outDir: out, log: silentStageLog });
  return out;
}
