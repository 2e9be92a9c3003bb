import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { main } from '../../src/cli/cli.ts';

// The enterprise IP management register (enterprises/) becomes regional figures that the
// framework's formulas read: counted here by hand from a small register, and from the sample's
// register by an independent count in this file.

type Csv = Record<string, string>[];

const registerVariables = [
  ['register_enterprises', '家'],
  ['register_high_tech', '家'],
  ['certified_enterprises', '家'],
  ['newly_certified_enterprises', '家'],
  ['certified_high_tech', '家'],
  ['certified_smes', '家'],
  ['certified_state_owned', '家'],
  ['certificates_in_force', '件'],
  ['certificates_suspended_withdrawn', '件'],
  ['certification_bodies', '家'],
  ['consulting_bodies', '家'],
  ['training_bodies', '家'],
  ['internal_auditors_trained', '人'],
  ['certification_auditors_registered', '人'],
] as const;

/** The tiny data directory (2020-2021, Beijing, Tianjin, Tibet) with a register beside it. */
async function dataWithRegister(files: Record<string, string>): Promise<string> {
  const data = join(await mkdtemp(join(tmpdir(), 'ipindex-register-')), 'data');
  await cp('test/fixtures/tiny', data, { recursive: true });
  const codebook = await readFile(join(data, 'variables.csv'), 'utf8');
  await writeFile(
    join(data, 'variables.csv'),
    `${codebook}${registerVariables.map(([v, unit]) => `${v},enterprises,${v},${v},${unit},0,1000000,register`).join('\n')}\n`,
  );
  await mkdir(join(data, 'enterprises'));
  for (const [name, text] of Object.entries(files)) await writeFile(join(data, 'enterprises', name), text);
  return data;
}

const enterprises = [
  'enterprise_id,name,region_code,industry,size,ownership,high_tech_from,zone',
  'A,甲,110000,C39,large,state,2019,',
  'B,乙,北京,C39,small,private,,', // a region by its name
  'C,丙,110000,I65,micro,private,2021,',
  'D,丁,120000,C35,medium,foreign,,',
  'E,戊,120000,C35,large,state,,',
].join('\n');

const certifications = [
  'certificate_no,enterprise_id,body_code,standard,issued,expires,status,status_date',
  // A: certified 2018 for three years, through 2021-03-31, then renewed: in force at the end of 2020 and 2021.
  'N1,A,CB1,2013,2018-04-01,2021-03-31,expired,2021-03-31',
  'N2,A,CB1,2013,2021-04-01,2024-03-31,valid,',
  // B: certified 2020-06-01, suspended 2021-05-10: in force at the end of 2020 only.
  'N3,B,CB1,2013,2020-06-01,2023-05-31,suspended,2021-05-10',
  // C: certified 2021/12/31 (the last day of the year counts), valid.
  'N4,C,,2013,2021/12/31,2024/12/30,valid,',
  // D: withdrawn 2020-12-31, the year-end day itself: not in force at the end of 2020.
  'N5,D,CB1,2013,2019-01-15,2022-01-14,withdrawn,2020-12-31',
  // E: expires 2020-12-31, the last day of its validity: in force at the end of 2020, not 2021.
  'N6,E,CB1,2013,2017-12-31,2020-12-31,expired,2020-12-31',
].join('\n');

const bodies = [
  'body_code,name,kind,region_code,accredited_from,accredited_to',
  'CB1,认证一,certification,110000,2015-01-01,',
  'CS1,咨询一,consulting,110000,2020-03-01,2021-06-30', // accredited at the end of 2020 only
  'CS2,咨询二,consulting,120000,2021-12-31,', // from the last day of 2021
  'TR1,培训一,training,540000,2010-01-01,',
].join('\n');

const training = [
  'region_code,year,internal_auditors_trained,certification_auditors_registered',
  '110000,2020,12,3',
  '110000,2021,20,',
  '120000,2021,7,1',
].join('\n');

async function build(data: string, site = false): Promise<{ code: number; stderr: string[]; out: string }> {
  const out = join(data, '..', 'out');
  const stderr: string[] = [];
  const code = await main(
    ['build', data, '--out', out, ...(site ? [] : ['--no-site'])],
    () => {},
    (l) => stderr.push(l),
  );
  return { code, stderr, out };
}

describe('the enterprise register as regional figures', () => {
  test('certified at year end, newly certified, by kind, certificates, bodies and training: counted by hand', async () => {
    const data = await dataWithRegister({
      'enterprises.csv': enterprises,
      'certifications.csv': certifications,
      'service_bodies.csv': bodies,
      'training.csv': training,
    });
    const { code, stderr, out } = await build(data);
    expect(stderr).toEqual([]);
    expect(code).toBe(0);
    const observations = parse(await readFile(join(out, 'data', 'observations.csv'), 'utf8'), { columns: true }) as Csv;
    const value = (region: string, year: number, variable: string) => {
      const o = observations.find((r) => r.region_code === region && r.year === String(year) && r.variable === variable);
      return o === undefined ? undefined : Number(o.value);
    };
    const figures = (region: string, year: number) => Object.fromEntries(registerVariables.map(([v]) => [v, value(region, year, v)]));
    // Beijing 2020: A (N1) and B (N3) in force; C not yet. A high-tech since 2019 (C only from 2021).
    // B first certified 2020. Bodies: CB1 and CS1 accredited at year end.
    expect(figures('110000', 2020)).toEqual({
      register_enterprises: 3,
      register_high_tech: 1,
      certified_enterprises: 2,
      newly_certified_enterprises: 1,
      certified_high_tech: 1,
      certified_smes: 1,
      certified_state_owned: 1,
      certificates_in_force: 2,
      certificates_suspended_withdrawn: 0,
      certification_bodies: 1,
      consulting_bodies: 1,
      training_bodies: 0,
      internal_auditors_trained: 12,
      certification_auditors_registered: 3,
    });
    // Beijing 2021: A (N2) and C (N4, issued on 31 December) in force; B suspended in May.
    // High-tech: A and C. SMEs certified: C (micro). CS1 ended in June. No auditors registered given.
    expect(figures('110000', 2021)).toEqual({
      register_enterprises: 3,
      register_high_tech: 2,
      certified_enterprises: 2,
      newly_certified_enterprises: 1,
      certified_high_tech: 2,
      certified_smes: 1,
      certified_state_owned: 1,
      certificates_in_force: 2,
      certificates_suspended_withdrawn: 1,
      certification_bodies: 1,
      consulting_bodies: 0,
      training_bodies: 0,
      internal_auditors_trained: 20,
      certification_auditors_registered: undefined,
    });
    // Tianjin 2020: D withdrawn on 31 December (not in force that day), E in force through its last day.
    expect(figures('120000', 2020)).toMatchObject({
      certified_enterprises: 1,
      certified_state_owned: 1,
      certified_smes: 0,
      certificates_suspended_withdrawn: 1,
      consulting_bodies: 0,
    });
    expect(figures('120000', 2021)).toMatchObject({
      certified_enterprises: 0,
      certificates_in_force: 0,
      consulting_bodies: 1,
      internal_auditors_trained: 7,
    });
    // Tibet: no enterprise in the register counts 0 (a region the register covers), one training body.
    expect(figures('540000', 2021)).toMatchObject({
      register_enterprises: 0,
      certified_enterprises: 0,
      training_bodies: 1,
      internal_auditors_trained: undefined,
    });
    // The nation adds up the regions.
    expect(figures('100000', 2020)).toMatchObject({
      register_enterprises: 5,
      certified_enterprises: 3,
      certificates_suspended_withdrawn: 1,
      consulting_bodies: 1,
      training_bodies: 1,
      internal_auditors_trained: 12,
    });
    const manifest = JSON.parse(await readFile(join(out, 'data', 'manifest.json'), 'utf8'));
    expect(
      manifest.inputs.filter((i: { role: string }) => i.role === 'register').map((i: { file: string; rows: number }) => [i.file, i.rows]),
    ).toEqual([
      ['enterprises/enterprises.csv', 5],
      ['enterprises/certifications.csv', 6],
      ['enterprises/service_bodies.csv', 4],
      ['enterprises/training.csv', 3],
    ]);
  });

  test(
    "the sample's register: certified enterprises at the end of each year as an independent count gives them",
    { timeout: 60_000 },
    async () => {
      const out = join(await mkdtemp(join(tmpdir(), 'ipindex-register-sample-')), 'out');
      const stderr: string[] = [];
      expect(
        await main(
          ['build', 'data', '--out', out, '--no-site'],
          () => {},
          (l) => stderr.push(l),
        ),
      ).toBe(0);
      const read = async (path: string) => parse(await readFile(path, 'utf8'), { columns: true }) as Csv;
      const register = await read('data/enterprises/enterprises.csv');
      const certificates = await read('data/enterprises/certifications.csv');
      const regionOf = new Map(register.map((e) => [e.enterprise_id, e.region_code]));
      const expected = new Map<string, Set<string>>();
      for (const c of certificates) {
        for (let year = 2014; year <= 2024; year++) {
          const end = `${year}-12-31`;
          const stopped = (c.status === 'suspended' || c.status === 'withdrawn') && c.status_date! <= end;
          if (c.issued! <= end && end <= c.expires! && !stopped) {
            const key = `${regionOf.get(c.enterprise_id!)}|${year}`;
            expected.set(key, (expected.get(key) ?? new Set()).add(c.enterprise_id!));
          }
        }
      }
      const observations = (await read(join(out, 'data', 'observations.csv'))).filter(
        (o) => o.variable === 'certified_enterprises' && o.region_code !== '100000',
      );
      expect(observations).toHaveLength(31 * 11);
      for (const o of observations)
        expect(Number(o.value), `${o.region_code} ${o.year}`).toBe(expected.get(`${o.region_code}|${o.year}`)?.size ?? 0);
      expect(observations.reduce((n, o) => n + Number(o.value), 0)).toBeGreaterThan(1000);
    },
  );

  test('the enterprise IP management page and the block on each region page, in both languages', { timeout: 240_000 }, async () => {
    const data = await dataWithRegister({
      'enterprises.csv': enterprises,
      'certifications.csv': certifications,
      'service_bodies.csv': bodies,
      'training.csv': training,
    });
    const { code, stderr, out } = await build(data, true);
    expect(stderr).toEqual([]);
    expect(code).toBe(0);
    for (const [lang, title, beijing] of [
      ['', '企业知识产权管理（GB/T 29490）', '北京市'],
      ['en/', 'Enterprise IP management (GB/T 29490)', 'Beijing'],
    ] as const) {
      const { document } = parseHTML(await readFile(join(out, lang, 'enterprises', 'index.html'), 'utf8'));
      expect(document.querySelector('h1')?.textContent).toBe(title);
      // The nation at the end of 2021: 5 enterprises, A, C certified in Beijing and none in
      // Tianjin (as counted above): 2, that is 400 per 1,000, on 2 certificates.
      expect([...document.querySelectorAll('section[aria-labelledby="nation"] dd')].map((d) => d.textContent)).toEqual([
        '5',
        '2',
        '400.0',
        '2',
      ]);
      const row = [...document.querySelectorAll('section[aria-labelledby="regions"] tbody tr')].find((tr) =>
        tr.querySelector('th')?.textContent?.includes(beijing),
      );
      // Beijing 2021: 3 in the register, 2 certified (667 per 1,000), 1 new, 2 of 2 high-tech (100
      // per 100), 1 suspended, bodies 1 / 0 / 0, 20 auditors.
      expect([...(row?.querySelectorAll('td') ?? [])].map((td) => td.textContent?.trim())).toEqual([
        '3',
        '2',
        '666.7',
        '1',
        '100.0',
        '1',
        '1 / 0 / 0',
        '20',
      ]);
      const region = parseHTML(await readFile(join(out, lang, 'region', '110000', 'index.html'), 'utf8')).document;
      const block = [...region.querySelectorAll('section[aria-labelledby="enterprises"] tbody tr')].map((tr) =>
        [...tr.querySelectorAll('td')].map((td) => td.textContent),
      );
      expect(block.slice(0, 2)).toEqual([
        ['3', '5'],
        ['2', '2'],
      ]);
      expect(region.querySelector(`nav a[href$="enterprises"], nav a[href$="enterprises/"]`)).not.toBeNull();
    }
  });

  test(
    "the maturity profile: each clause's mean score nationally, by size, industry and region, the weakest clause, the change with certification; a cell of fewer than 3 enterprises not published",
    { timeout: 240_000 },
    async () => {
      // 2021, the latest year: A, B (two sub-clauses), C (4 on the 1-5 scale is 75 on 0-100), D
      // and E on clause 7; A, B, C and E on clause 8. Earlier years give the scores before
      // certification (A certified 2018, B 2020, C 2021, D 2019, E 2017).
      const assessments = [
        'enterprise_id,year,clause,score,scale,standard',
        'A,2021,7,80,0-100,2013',
        'B,2021,7.1,60,0-100,2013',
        'B,2021,7.2,70,0-100,2013',
        'C,2021,7,4,1-5,2013',
        'D,2021,7,50,0-100,2013',
        'E,2021,7,40,0-100,2013',
        'A,2021,8,90,0-100,2013',
        'B,2021,8,70,0-100,2013',
        'C,2021,8,61,0-100,2013',
        'E,2021,8,96,0-100,2013',
        'A,2017,7,60,0-100,2013',
        'A,2020,7,10,0-100,2013',
        'B,2019,7,50,0-100,2013',
        'B,2019,8,40,0-100,2013',
        'C,2020,7,3,1-5,2013',
        'E,2016,7,46,0-100,2013',
      ].join('\n');
      const data = await dataWithRegister({
        'enterprises.csv': enterprises,
        'certifications.csv': certifications,
        'assessments.csv': assessments,
      });
      const { code, stderr, out } = await build(data, true);
      expect(stderr).toEqual([]);
      expect(code).toBe(0);
      const { document } = parseHTML(await readFile(join(out, 'en', 'enterprises', 'index.html'), 'utf8'));
      const table = (caption: string) => {
        const found = [...document.querySelectorAll('section[aria-labelledby="maturity"] table')].find((t) =>
          t.querySelector('caption')?.textContent?.includes(caption),
        );
        expect(found, caption).toBeDefined();
        return [...found!.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent?.trim()));
      };
      // Tables of groups by clauses: the group, the enterprises assessed, clause 7, clause 8.
      const groups = table('by size and by industry');
      // Clause 7, all: A 80, B (60 + 70) / 2 = 65, C 75, D 50, E 40: 310 / 5 = 62.0, the weakest
      // of all (clause 8: 90, 70, 61, 96: 317 / 4 = 79.25).
      expect(groups).toContainEqual(['All', '5', '62.0 ▼', '79.3']);
      // Large enterprises (A, E) and the division C39 (A, B): 2 each, not published.
      expect(groups).toContainEqual(['Large', '2', 'not published (fewer than 3)', 'not published (fewer than 3)']);
      expect(groups).toContainEqual(['C39', '2', 'not published (fewer than 3)', 'not published (fewer than 3)']);
      // Beijing (A, B, C): clause 7 (80 + 65 + 75) / 3 = 73.3, its weakest; clause 8 (90 + 70 + 61) / 3 = 73.7.
      // Tianjin (D, E): 2 and 1 enterprises, not published.
      const regions = table('By region');
      expect(regions).toContainEqual(['Beijing', '3', '73.3 ▼', '73.7']);
      expect(regions).toContainEqual(['Tianjin', '2', 'not published (fewer than 3)', 'not published (fewer than 3)']);
      // Before and since certification, clause 7: A 60 to 80 (2021, not 2020's 10), B 50 to 65, C
      // 50 to 75, E 46 to 40 (D has no score before): before 206 / 4 = 51.5, since 65.0, change
      // +13.5. Clause 8: B alone, not published.
      const change = table('before and since certification');
      expect(change).toContainEqual(['7 Basic management (GB/T 29490-2013)', '4', '51.5', '65.0', '+13.5']);
      expect(change).toContainEqual(['8 Implementation and operation (GB/T 29490-2013)', '1', 'not published (fewer than 3)', '', '']);
    },
  );
});
