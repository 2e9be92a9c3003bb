import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { expect, test } from 'vitest';
import { build } from '../../src/build/build.ts';
import { silentStageLog } from '../../src/build/createStageLog.ts';

test('text from the user that a spreadsheet would run as a formula is exported as text', async () => {
  const work = 'test/output/spreadsheet-safe';
  await rm(work, { recursive: true, force: true });
  await cp('test/fixtures/tiny', join(work, 'data'), { recursive: true });
  // A codebook unit is free text, carried into observations.csv for every gdp value.
  const codebook = await readFile(join(work, 'data', 'variables.csv'), 'utf8');
  await writeFile(join(work, 'data', 'variables.csv'), codebook.replace(',亿元,0,500000,', ',"=HYPERLINK(""http://x"")",0,500000,'));
  await build({ dataDir: join(work, 'data'), outDir: join(work, 'out'), site: false, log: silentStageLog });

  const text = await readFile(join(work, 'out', 'data', 'observations.csv'), 'utf8');
  const rows = parse(text, { columns: true }) as Record<string, string>[];
  const gdp = rows.filter((r) => r.variable === 'gdp');
  expect(gdp.length).toBeGreaterThan(0);
  for (const row of gdp) {
    expect(row.unit).toBe(`'=HYPERLINK("http://x")`);
    expect(Number(row.value)).toBeGreaterThan(0); // numbers stay numbers
  }
  const cells = (parse(text) as string[][]).flat();
  expect(cells.filter((cell) => /^[=+@]/.test(cell))).toEqual([]);
  // A negative number is a number, not a formula: it keeps its sign.
  expect(cells.every((cell) => !cell.startsWith("'-"))).toBe(true);
});
