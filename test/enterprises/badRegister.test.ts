import { cp, mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { main } from '../../src/cli/cli.ts';

// A register with a mistake stops the build with a message naming the file, row and column,
// what was found and what was expected, and writes nothing.

const enterprises = [
  'enterprise_id,name,region_code,industry,size,ownership,high_tech_from,zone',
  'A,甲,110000,C39,large,state,2019,',
  'B,乙,120000,C39,small,private,,',
];
const certifications = [
  'certificate_no,enterprise_id,body_code,standard,issued,expires,status,status_date',
  'N1,A,CB1,2013,2018-04-01,2021-03-31,expired,2021-03-31',
  'N2,B,CB1,2013,2020-06-01,2023-05-31,valid,',
];
const bodies = ['body_code,name,kind,region_code,accredited_from,accredited_to', 'CB1,认证一,certification,110000,2015-01-01,'];
const assessments = ['enterprise_id,year,clause,score,scale,standard', 'A,2021,7,80,0-100,2013'];

type Files = Record<string, string[]>;
const good: Files = {
  'enterprises.csv': enterprises,
  'certifications.csv': certifications,
  'service_bodies.csv': bodies,
  'assessments.csv': assessments,
};

async function build(files: Files): Promise<{ code: number; message: string; data: string; written: string[] }> {
  const data = join(await mkdtemp(join(tmpdir(), 'ipindex-bad-register-')), 'data');
  await cp('test/fixtures/tiny', data, { recursive: true });
  await mkdir(join(data, 'enterprises'));
  for (const [name, lines] of Object.entries(files)) await writeFile(join(data, 'enterprises', name), `${lines.join('\n')}\n`);
  const out = join(data, '..', 'out');
  const stderr: string[] = [];
  const code = await main(
    ['build', data, '--out', out, '--no-site'],
    () => {},
    (l) => stderr.push(l),
  );
  const written = await readdir(out).catch(() => []);
  return { code, message: stderr.join('\n'), data, written };
}

const cases: { name: string; files: Files; file: string; row?: number; column?: string; found: string; expected: string }[] = [
  {
    name: 'a certificate of an unknown enterprise',
    files: { ...good, 'certifications.csv': [...certifications, 'N3,Z,CB1,2013,2020-01-01,2023-01-01,valid,'] },
    file: 'certifications.csv',
    row: 4,
    column: 'enterprise_id',
    found: 'the enterprise Z, which enterprises.csv does not list',
    expected: 'an enterprise_id of enterprises.csv',
  },
  {
    name: 'expires before issued',
    files: { ...good, 'certifications.csv': [...certifications, 'N3,A,CB1,2013,2020-01-01,2019-12-31,valid,'] },
    file: 'certifications.csv',
    row: 4,
    column: 'expires',
    found: 'expires 2019-12-31, before it was issued (2020-01-01)',
    expected: 'an expiry date after the date of issue',
  },
  {
    name: 'duplicate certificate numbers',
    files: { ...good, 'certifications.csv': [...certifications, 'N1,B,CB1,2013,2021-01-01,2024-01-01,valid,'] },
    file: 'certifications.csv',
    row: 4,
    column: 'certificate_no',
    found: 'the certificate N1 again (2 rows with it)',
    expected: 'each certificate number once',
  },
  {
    name: "a status date outside the certificate's life",
    files: { ...good, 'certifications.csv': [...certifications, 'N3,A,CB1,2013,2020-01-01,2023-01-01,withdrawn,2024-02-01'] },
    file: 'certifications.csv',
    row: 4,
    column: 'status_date',
    found: "the status withdrawn from 2024-02-01, outside the certificate's life (2020-01-01 to 2023-01-01)",
    expected: 'a status date between the date of issue and the expiry date',
  },
  {
    name: 'an unknown body',
    files: { ...good, 'certifications.csv': [...certifications, 'N3,A,CB9,2013,2020-01-01,2023-01-01,valid,'] },
    file: 'certifications.csv',
    row: 4,
    column: 'body_code',
    found: 'the body CB9, which service_bodies.csv does not list',
    expected: 'a body_code of service_bodies.csv (or the cell left empty)',
  },
  {
    name: 'an enterprise whose region is not in regions.csv',
    files: { ...good, 'enterprises.csv': [...enterprises, 'C,丙,330000,C39,small,private,,'] },
    file: 'enterprises.csv',
    row: 4,
    column: 'region_code',
    found: 'the unknown region "330000"',
    expected: 'a region_code or name listed in regions.csv',
  },
  {
    name: 'a clause the standard does not have',
    files: { ...good, 'assessments.csv': [...assessments, 'A,2021,10.1,70,0-100,2013'] },
    file: 'assessments.csv',
    row: 3,
    column: 'clause',
    found: 'the clause 10.1, which GB/T 29490-2013 does not have',
    expected: 'a clause of GB/T 29490-2013: 4, 5, 6, 7, 8, 9 (or a sub-clause such as 7.2)',
  },
  {
    name: 'a score outside its scale',
    files: { ...good, 'assessments.csv': [...assessments, 'A,2021,7,6,1-5,2023'] },
    file: 'assessments.csv',
    row: 3,
    column: 'score',
    found: 'the score 6 on the scale 1-5',
    expected: 'a maturity level from 1 to 5',
  },
  {
    name: 'a date that is not in the calendar',
    files: { ...good, 'certifications.csv': [...certifications, 'N3,A,CB1,2013,2021-02-30,2024-01-01,valid,'] },
    file: 'certifications.csv',
    row: 4,
    column: 'issued',
    found: '"2021-02-30"',
    expected: 'a date such as 2023-05-17',
  },
  {
    name: 'a size the register does not know',
    files: { ...good, 'enterprises.csv': [...enterprises, 'C,丙,110000,C39,huge,private,,'] },
    file: 'enterprises.csv',
    row: 4,
    column: 'size',
    found: '"huge"',
    expected: 'one of large, medium, small, micro',
  },
  {
    name: 'a required column missing',
    files: {
      ...good,
      'certifications.csv': certifications.map((l) =>
        l
          .split(',')
          .filter((_, i) => i !== 4)
          .join(','),
      ),
    },
    file: 'certifications.csv',
    row: 1,
    column: 'issued',
    found: 'no such column',
    expected: 'a column issued (certificate_no, enterprise_id, standard, issued, expires, status are required)',
  },
  {
    name: 'an enterprises/ folder without its certificates',
    files: { 'enterprises.csv': enterprises },
    file: '',
    found: 'an enterprises/ folder without certifications.csv',
    expected:
      'the register of enterprises (enterprises.csv, certifications.csv; service_bodies.csv, training.csv, outcomes.csv, assessments.csv optional)',
  },
  {
    name: 'a file the register does not have',
    files: { ...good, 'certificates.csv': certifications },
    file: 'certificates.csv',
    found: 'a file the enterprise register does not have',
    expected: "the register's files: enterprises.csv, certifications.csv, service_bodies.csv, training.csv, outcomes.csv, assessments.csv",
  },
];

describe('a bad enterprise register', () => {
  test('the good register builds (so that each case below fails for its one mistake)', async () => {
    const { code, message } = await build(good);
    expect(message).toBe('');
    expect(code).toBe(0);
  });

  test.each(cases)(
    '$name: file, row, column, found and expected; nothing written',
    async ({ files, file, row, column, found, expected }) => {
      const { code, message, data, written } = await build(files);
      expect(code).toBe(1);
      const place = [
        join(data, 'enterprises', file) + (file === '' ? '/' : ''),
        row === undefined ? null : `row ${row}`,
        column === undefined ? null : `column "${column}"`,
      ]
        .filter((p) => p !== null)
        .join(', ');
      expect(message).toContain(`${place}: found ${found}, expected ${expected}`);
      expect(message).not.toMatch(/\n\s+at /);
      expect(written).toEqual([]);
    },
  );
});
