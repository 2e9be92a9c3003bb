import { cp, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readRegisterFast } from '../../src/files/readRegisterFast.ts';
import { readRegisterFile } from '../../src/files/readRegisterFile.ts';
import { registerFiles } from '../../src/enterprises/registerSchema.ts';
import { createRegionMatcher } from '../../src/lib/regionMatcher.ts';
import { main } from '../../src/cli/cli.ts';
import { loadDataDir } from '../../src/intake/loadDataDir.ts';
import { openDatabase, type Database } from '../../src/database/openDatabase.ts';
import { runQuery } from '../../src/database/runQueries.ts';

// The register's fast reader (DuckDB's CSV reader) must read every file it takes exactly as the
// careful reader (record by record) does, and give up on every file that needs a message.

const schema = (name: string) => registerFiles.find((f) => f.name === name)!;

async function readBoth(name: string, text: string | Buffer): Promise<{ fast: unknown[] | null; careful: unknown[] }> {
  const dir = await mkdtemp(join(tmpdir(), 'ipindex-fast-register-'));
  await writeFile(join(dir, `${name}.csv`), text);
  const data = await loadDataDir('test/fixtures/tiny', 'tiny');
  const matcher = createRegionMatcher(data.regions);
  const codes = data.regions.map((r) => r.region_code);
  const read = async (how: (db: Database) => Promise<unknown>) => {
    const db = await openDatabase();
    await runQuery(db, 'enterprises/00_tables.sql');
    const result = await how(db);
    const rows = await db.query(`SELECT * FROM register_${name} ORDER BY source_row`);
    db.close();
    return { result, rows };
  };
  const fast = await read((db) => readRegisterFast(db, join(dir, `${name}.csv`), schema(name), matcher, codes));
  const careful = await read((db) => readRegisterFile(db, dir, 'enterprises', schema(name), matcher));
  if (fast.result === null) expect(fast.rows).toEqual([]);
  return { fast: fast.result === null ? null : fast.rows, careful: careful.rows };
}

describe('the fast reader of the enterprise register', () => {
  test('reads names, regions by name, spaced cells, dates and numbers as registers write them, as the careful reader does', async () => {
    const text = [
      '\uFEFFEnterprise_ID;name;region_code;industry;size;ownership;high_tech_from;zone',
      'A1;华为技术有限公司（深圳）;北京市;C39;large;state;2019;',
      ' A2 ;"乙, 有限公司";120000;C39; Small ;PRIVATE;;Z1',
      'A3;ＡＢＣ科技;110000;;micro;other; 2021 ;',
      ';;;;;;;',
      'A4;\u3000丙\u3000;天津;I65;medium;foreign;2020年;',
    ].join('\r\n');
    const { fast, careful } = await readBoth('enterprises', `${text}\r\n`);
    expect(careful).toHaveLength(4);
    expect(fast).toEqual(careful);
    // Spot checks, worked out by hand: the name's full-width forms folded, the region read by its name, the line of the record.
    expect(careful[0]).toMatchObject({
      enterprise_id: 'A1',
      name: '华为技术有限公司(深圳)',
      region_code: '110000',
      high_tech_from: 2019,
      source_row: 2,
    });
    expect(careful[1]).toMatchObject({ enterprise_id: 'A2', name: '乙, 有限公司', size: 'small', ownership: 'private', zone: 'Z1' });
    expect(careful[2]).toMatchObject({ name: 'ABC科技', high_tech_from: 2021 });
    expect(careful[3]).toMatchObject({ name: '丙', region_code: '120000', high_tech_from: 2020, source_row: 6 });
  });

  test('reads dates, missing markers and formatted numbers as the careful reader does', async () => {
    const certificates = [
      'certificate_no,enterprise_id,body_code,standard,issued,expires,status,status_date',
      'N1,A1,CB1,2013,2018-04-01,2021-03-31,expired,2021-03-31',
      'N2,A1,,2013,2021/4/1,2024.3.31,valid,',
      'N3,A2,CB1,2023,2024年1月5日,20270104,Withdrawn, 2025-02-03 ',
    ].join('\n');
    const certified = await readBoth('certifications', `${certificates}\n`);
    expect(certified.fast).toEqual(certified.careful);
    expect(certified.careful[1]).toMatchObject({ issued: new Date('2021-04-01'), expires: new Date('2024-03-31') });
    expect(certified.careful[2]).toMatchObject({
      issued: new Date('2024-01-05'),
      expires: new Date('2027-01-04'),
      status: 'withdrawn',
      status_date: new Date('2025-02-03'),
    });

    const outcomes = [
      'enterprise_id,year,invention_applications,rd_expenditure,revenue',
      'A1,2020,12,"1,234.5",NA',
      'A1,2021,0,-,',
      'A2,2020,3,1e3,7',
      'A2,2021,,12.25,N/A',
    ].join('\n');
    const read = await readBoth('outcomes', `${outcomes}\n`);
    expect(read.fast).toEqual(read.careful);
    expect(read.careful.map((r) => (r as { rd_expenditure: number | null }).rd_expenditure)).toEqual([1234.5, null, 1000, 12.25]);
  });

  test('gives up, writing nothing, on every file that needs the careful reader: a problem, a blank line, a line break in a cell, digits grouped with _, GB18030', async () => {
    const header = 'enterprise_id,year,invention_applications';
    for (const text of [
      `${header}\nA1,2020,12\nA2,2020,-3\n`, // a count below 0
      `${header}\nA1,2020,12\nA2,20x0,3\n`, // not a year
      `${header}\nA1,2020,12\n\nA2,2020,3\n`, // a blank line: DuckDB would skip it, and every row after would be off by one
      `${header}\n"A\n1",2020,12\nA2,2020,3\n`, // a line break in a cell
      `${header}\nA1,2020,1_000\n`, // DuckDB reads 1_000 as 1000; ipindex does not
      `${header}\nA1,2020,\nA2,,3\n`, // an empty required cell
    ]) {
      const { fast, careful } = await readBoth('outcomes', text);
      expect(fast, text).toBeNull();
      expect(careful.length, text).toBeGreaterThan(0);
    }
    const { default: iconv } = await import('iconv-lite');
    const gb = iconv.encode(
      'enterprise_id,name,region_code,industry,size,ownership,high_tech_from,zone\nA1,企业甲,北京,C39,large,state,,\n',
      'gb18030',
    );
    const { fast, careful } = await readBoth('enterprises', gb);
    expect(fast).toBeNull();
    expect(careful[0]).toMatchObject({ name: '企业甲', region_code: '110000' });
  });

  test('a problem late in a large register is named by its line, the file read on every core', async () => {
    const data = join(await mkdtemp(join(tmpdir(), 'ipindex-fast-register-rows-')), 'data');
    await cp('test/fixtures/tiny', data, { recursive: true });
    await mkdir(join(data, 'enterprises'));
    const n = 2000;
    const enterprises = ['enterprise_id,name,region_code,industry,size,ownership,high_tech_from,zone'];
    for (let i = 0; i < n; i++) enterprises.push(`E${i},企业${i},${i % 2 === 0 ? '110000' : '120000'},C39,small,private,,`);
    const certifications = [
      'certificate_no,enterprise_id,body_code,standard,issued,expires,status,status_date',
      'N1,E1,,2013,2018-04-01,2021-03-31,expired,2021-03-31',
    ];
    // 300,000 outcome rows (several of DuckDB's row groups), one of an enterprise the register does not have.
    const outcomes = ['enterprise_id,year,invention_applications'];
    for (let r = 0; r < 300_000; r++) outcomes.push(`E${r % n},${2010 + (Math.floor(r / n) % 15)},${r % 7}`);
    const bad = 287_654;
    outcomes[bad - 1] = `Z9,2015,3`;
    await writeFile(join(data, 'enterprises', 'enterprises.csv'), `${enterprises.join('\n')}\n`);
    await writeFile(join(data, 'enterprises', 'certifications.csv'), `${certifications.join('\n')}\n`);
    await writeFile(join(data, 'enterprises', 'outcomes.csv'), `${outcomes.join('\n')}\n`);
    // Read fast on two threads, every record keeps its line: the value written on line r is (r - 2) mod 7.
    const db = await openDatabase();
    await db.exec('SET threads = 2');
    await runQuery(db, 'enterprises/00_tables.sql');
    const tiny = await loadDataDir('test/fixtures/tiny', 'tiny');
    const read = await readRegisterFast(
      db,
      join(data, 'enterprises', 'outcomes.csv'),
      schema('outcomes'),
      createRegionMatcher(tiny.regions),
      tiny.regions.map((r) => r.region_code),
    );
    expect(read?.rows).toBe(300_000);
    const [lines] = await db.query<{ z9: number; wrong: number }>(
      `SELECT max(source_row) FILTER (WHERE enterprise_id = 'Z9')::INTEGER AS z9, count(*) FILTER (WHERE enterprise_id <> 'Z9' AND invention_applications <> (source_row - 2) % 7)::INTEGER AS wrong FROM register_outcomes`,
    );
    db.close();
    expect(lines).toEqual({ z9: bad, wrong: 0 });
    const stderr: string[] = [];
    const code = await main(
      ['build', data, '--out', join(data, '..', 'out'), '--no-site'],
      () => {},
      (l) => stderr.push(l),
    );
    expect(code).toBe(1);
    expect(stderr.join('\n')).toContain(`outcomes.csv, row ${bad}, column "enterprise_id": found the enterprise Z9`);
  }, 120_000);
});
