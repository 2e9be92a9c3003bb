import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { main } from '../../src/cli/cli.ts';
import { build } from '../../src/build/build.ts';
import { silentStageLog } from '../../src/build/createStageLog.ts';
import { loadDataDir } from '../../src/intake/loadDataDir.ts';
import { openDatabase } from '../../src/database/openDatabase.ts';
import { runQuality } from '../../src/quality/runQuality.ts';
import { runStaging } from '../../src/staging/runStaging.ts';

// test/fixtures/tiny with an rd.csv of every kind of row: used, left out, blank, missing.
const rd = [
  'region_code,year,rd_expenditure',
  '110000,2020,"25,000,000"', //  2 used, thousands separators
  '110000,2021,26460000', //      3 used
  ',,', //                        4 blank
  '120000,2020,３００００００', //  5 used, full-width
  '120000,2021,NA', //            6 used, missing
  '香港,2021,5', //               7 left out: outside
  '540000,2020,—', //             8 used, missing
  '中部地区,2021,9', //           9 left out: zone total
  '540000,2021,120000', //       10 used
  '', //                            (an empty line: not a record)
  ',,', //                       12 blank
].join('\n');

describe('the data-quality summary', () => {
  test('counts, per file, rows read, used, dropped by reason, blank, values missing and converted', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ipindex-quality-'));
    await cp('test/fixtures/tiny', dir, { recursive: true });
    await writeFile(join(dir, 'rd.csv'), `${rd}\n`);
    const data = await loadDataDir(dir, 'data');
    const db = await openDatabase();
    try {
      await runStaging(db, data);
      const rows = await runQuality(db, data);
      expect(rows).toEqual([
        // economy.csv (see test/fixtures/tiny/README.md): 8 rows, 全国 kept as a control total,
        // 东部地区 left out; 7 x 2 values, "40,000" with a thousands separator.
        {
          file: 'data/economy.csv',
          rows_read: 8,
          rows_used: 7,
          rows_dropped: 1,
          dropped_by_reason: 'zone total: 1',
          blank_rows: 0,
          values: 14,
          values_missing: 0,
          values_converted: 1,
          converted_by_how: 'thousands separators: 1',
        },
        // patents.csv: ６００００ full-width, 1.1 万件 converted to 件.
        {
          file: 'data/patents.csv',
          rows_read: 8,
          rows_used: 8,
          rows_dropped: 0,
          dropped_by_reason: '',
          blank_rows: 0,
          values: 8,
          values_missing: 0,
          values_converted: 2,
          converted_by_how: 'full-width characters: 1; unit 万件 to 件: 1',
        },
        // rd.csv above: rows 2-12 less the empty line 11 = 10 records; 6 used, 2 left out, 2 blank.
        {
          file: 'data/rd.csv',
          rows_read: 10,
          rows_used: 6,
          rows_dropped: 2,
          dropped_by_reason: 'outside the regions of regions.csv: 1; zone total: 1',
          blank_rows: 2,
          values: 6,
          values_missing: 2,
          values_converted: 2,
          converted_by_how: 'full-width characters: 1; thousands separators: 1',
        },
      ]);
    } finally {
      db.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('ipindex check prints it after the notes', async () => {
    const stdout: string[] = [];
    const code = await main(
      ['check', 'test/fixtures/tiny'],
      (line) => stdout.push(line),
      () => {},
    );
    expect(code).toBe(0);
    const start = stdout.indexOf('data quality (also in out/data/quality.csv after a build):');
    expect(stdout.slice(start, start + 7)).toEqual([
      'data quality (also in out/data/quality.csv after a build):',
      '  test/fixtures/tiny/economy.csv: 8 rows read, 7 used, 1 dropped, 0 blank; 14 values, 0 missing, 1 converted',
      '    dropped: zone total: 1',
      '    converted: thousands separators: 1',
      '  test/fixtures/tiny/patents.csv: 8 rows read, 8 used, 0 dropped, 0 blank; 8 values, 0 missing, 2 converted',
      '    converted: full-width characters: 1; unit 万件 to 件: 1',
      '  test/fixtures/tiny/rd.csv: 8 rows read, 8 used, 0 dropped, 0 blank; 8 values, 0 missing, 0 converted',
    ]);
  });

  test('a build writes it to out/data/quality.csv', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'ipindex-quality-')), 'out');
    await build({ dataDir: 'test/fixtures/tiny', outDir: out, site: false, log: silentStageLog, builtAt: '2026-01-01T00:00:00Z' });
    expect(await readFile(join(out, 'data', 'quality.csv'), 'utf8')).toBe(
      [
        'file,rows_read,rows_used,rows_dropped,dropped_by_reason,blank_rows,values,values_missing,values_converted,converted_by_how',
        'economy.csv,8,7,1,zone total: 1,0,14,0,1,thousands separators: 1',
        'patents.csv,8,8,0,"",0,8,0,2,full-width characters: 1; unit 万件 to 件: 1',
        'rd.csv,8,8,0,"",0,8,0,0,""',
        '',
      ].join('\n'),
    );
    await rm(out, { recursive: true, force: true });
  });
});
