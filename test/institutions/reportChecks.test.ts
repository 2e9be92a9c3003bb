import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { main } from '../../src/cli/cli.ts';

// The checks of the institutions' reports on planted inconsistencies
// (test/fixtures/institutions-bad/: its README says what is planted), and the sample's regional
// sums against sums of its reports worked out here.

type Csv = Record<string, string>[];

async function build(method?: string): Promise<{ code: number; err: string[]; out: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'ipindex-report-checks-'));
  const data = join(dir, 'data');
  await cp('test/fixtures/tiny', data, { recursive: true });
  await cp('test/fixtures/institutions-bad/institutions', join(data, 'institutions'), { recursive: true });
  if (method !== undefined) await writeFile(join(data, 'method.yaml'), method);
  const err: string[] = [];
  const out = join(dir, 'out');
  const code = await main(
    ['build', data, '--out', out, '--no-site'],
    () => {},
    (l) => err.push(l),
  );
  return { code, err, out };
}

describe("the checks of the institutions' reports", () => {
  test('a part above its total and a stock beyond the grants stop the build, named by form and cell; a jump of ten times does not', async () => {
    const { code, err } = await build();
    expect(code).toBe(1);
    const message = err.join('\n');
    expect(message).toContain(
      'U1-2021.xlsx, cell 表1!D15, column "licensed_exclusive": found licensed_exclusive 6 above licensed_count 5, expected a part no larger than its total (licensed_count)',
    );
    expect(message).toContain(
      'U1-2021.xlsx, cell 表1!D8, column "patents_held": found patents_held 200, more than the 100 held a year before and the 20 granted since, expected at most 100 + 20, with 5% allowed for lapses counted late',
    );
    expect(message).toContain('the input has 2 problems');
    expect(message).not.toContain('income 150');
  });

  test('with institutions.checks: flag the reports are kept, and the errors, the warning and who has not reported are in the manifest', async () => {
    const { code, err, out } = await build('institutions:\n  checks: flag\n');
    expect(err).toEqual([]);
    expect(code).toBe(0);
    const manifest = JSON.parse(await readFile(join(out, 'data', 'manifest.json'), 'utf8'));
    expect(
      manifest.institution_reports.flags.map((f: { severity: string; institution_id: string; year: number; field: string }) => [
        f.severity,
        f.institution_id,
        f.year,
        f.field,
      ]),
    ).toEqual([
      ['error', 'U1', 2021, 'licensed_exclusive'],
      ['error', 'U1', 2021, 'patents_held'],
      ['warning', 'R1', 2021, 'income'],
    ]);
    expect(manifest.institution_reports.flags[2].found).toBe('income 150, against 10 the year before');
    expect(manifest.institution_reports.flags[2].place).toBe('reports.csv, row 21');
    expect(manifest.institution_reports.not_reported).toEqual([
      { year: 2020, institution_id: 'H1' },
      { year: 2021, institution_id: 'H1' },
    ]);
  });

  test(
    "the sample's regional sums are the sums of its reports, institution by institution; an institution not reporting is left out",
    { timeout: 120_000 },
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'ipindex-report-sample-'));
      const err: string[] = [];
      expect(
        await main(
          ['build', 'data', '--out', join(dir, 'out'), '--no-site'],
          () => {},
          (l) => err.push(l),
        ),
      ).toBe(0);
      const read = async (path: string) => parse(await readFile(path, 'utf8'), { columns: true, bom: true }) as Csv;
      const register = new Map((await read('data/institutions/institutions.csv')).map((r) => [r.institution_id!, r.region_code!]));
      const expected = new Map<string, number>();
      const reporting = new Map<string, Set<string>>();
      for (const r of await read('data/institutions/reports.csv')) {
        const key = `${register.get(r.institution_id!)}|${r.year}`;
        if (r.field === 'income') expected.set(key, (expected.get(key) ?? 0) + Number(r.value));
        reporting.set(key, (reporting.get(key) ?? new Set()).add(r.institution_id!));
      }
      const observations = (await read(join(dir, 'out', 'data', 'observations.csv'))).filter((o) => o.region_code !== '100000');
      const income = observations.filter((o) => o.variable === 'institution_transfer_income');
      expect(income.length).toBeGreaterThan(300);
      for (const o of income)
        expect(Number(o.value), `${o.region_code} ${o.year}`).toBeCloseTo(expected.get(`${o.region_code}|${o.year}`) ?? 0, 6);
      for (const o of observations.filter((x) => x.variable === 'institutions_reporting'))
        expect(Number(o.value)).toBe(reporting.get(`${o.region_code}|${o.year}`)?.size ?? 0);
      // The sample leaves one institution of Beijing without a report in the latest year.
      const latest = Math.max(...income.map((o) => Number(o.year)));
      const beijing = (variable: string) =>
        Number(observations.find((o) => o.region_code === '110000' && Number(o.year) === latest && o.variable === variable)?.value);
      expect(beijing('institutions_reporting')).toBeLessThan(beijing('institutions_registered'));
    },
  );
});
