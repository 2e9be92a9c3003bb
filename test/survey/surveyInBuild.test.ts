import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { main } from '../../src/cli/cli.ts';

// A survey inside a data directory (surveys/<name>/) is estimated by the build, its estimates
// published in out/data/estimates.csv, and those by region of codebook variables become
// observations feeding the indicators.

type Csv = Record<string, string>[];

async function dataWithSurvey(): Promise<string> {
  const data = join(await mkdtemp(join(tmpdir(), 'ipindex-survey-build-')), 'data');
  await cp('test/fixtures/tiny', data, { recursive: true });
  await writeFile(
    join(data, 'variables.csv'),
    `${await readFile(join(data, 'variables.csv'), 'utf8')}licensing_rate,survey,专利许可率,Licensing rate,比例,0,1,Share of patent holders that licensed\n`,
  );
  const framework = await readFile(join(data, 'framework.csv'), 'utf8');
  await writeFile(join(data, 'framework.csv'), `${framework}licensing,output,1,专利许可率,Licensing rate,%,1,1,licensing_rate * 100,\n`);
  await mkdir(join(data, 'surveys', 'ip2021'), { recursive: true });
  // Four respondents a province, each weighing 5: Beijing licensed 3 of 4, Tianjin 1 of 4, Tibet 2 of 4.
  const rows = [
    ['110000', [1, 1, 1, 0]],
    ['120000', [1, 0, 0, 0]],
    ['540000', [1, 1, 0, 0]],
  ] as const;
  const lines = [
    'id,region_code,weight,licensed',
    ...rows.flatMap(([region, values]) => values.map((v, i) => `${region}-${i},${region},5,${v}`)),
  ];
  await writeFile(join(data, 'surveys', 'ip2021', 'responses.csv'), `${lines.join('\n')}\n`);
  await writeFile(
    join(data, 'surveys', 'ip2021', 'design.yaml'),
    'year: 2021\nweights: weight\nquality: {publish_e: true}\nestimates:\n  - {variable: licensing_rate, statistic: mean, of: licensed, by: region_code}\n  - {variable: licensing_rate, statistic: mean, of: licensed}\n',
  );
  return data;
}

describe('a survey in the data directory', () => {
  test('its estimates are published and feed the index as observations', async () => {
    const data = await dataWithSurvey();
    const out = join(data, '..', 'out');
    const stderr: string[] = [];
    const code = await main(
      ['build', data, '--out', out, '--no-site'],
      () => {},
      (l) => stderr.push(l),
    );
    expect(stderr).toEqual([]);
    expect(code).toBe(0);
    const estimates = parse(await readFile(join(out, 'data', 'estimates.csv'), 'utf8'), { columns: true }) as Csv;
    expect(estimates.map((e) => [e.domain_value, Number(e.estimate), e.n_respondents])).toEqual([
      ['all', 0.5, '12'],
      ['110000', 0.75, '4'],
      ['120000', 0.25, '4'],
      ['540000', 0.5, '4'],
    ]);
    // Beijing: p = 0.75 from 4 respondents sampled with replacement: se = sqrt(sum z^2 n/(n-1)),
    // z = w (y - p) / N^ = 5 (y - 0.75) / 20: three of 0.0625 and one of -0.1875, over all 12
    // respondents with 0 for the others (one stratum, n = 12): sum z = 0, sum z^2 = 0.046875.
    const beijing = estimates.find((e) => e.domain_value === '110000')!;
    expect(Number(beijing.se)).toBeCloseTo(Math.sqrt((12 / 11) * 0.046875), 12);
    const observations = parse(await readFile(join(out, 'data', 'observations.csv'), 'utf8'), { columns: true }) as Csv;
    const survey = observations.filter((o) => o.variable === 'licensing_rate');
    expect(survey.map((o) => [o.region_code, o.year, Number(o.value)])).toEqual([
      ['100000', '2021', 0.5],
      ['110000', '2021', 0.75],
      ['120000', '2021', 0.25],
      ['540000', '2021', 0.5],
    ]);
    expect(survey[1]).toMatchObject({ source_file: 'surveys/ip2021/responses.csv', source_row: '0' });
    const indicators = parse(await readFile(join(out, 'data', 'indicators.csv'), 'utf8'), { columns: true }) as Csv;
    expect(
      Number(indicators.find((i) => i.region_code === '120000' && i.year === '2021' && i.indicator === 'licensing')?.value),
    ).toBeCloseTo(25, 12);
    const manifest = JSON.parse(await readFile(join(out, 'data', 'manifest.json'), 'utf8'));
    expect(manifest.inputs.filter((i: { role: string }) => i.role === 'survey').map((i: { file: string }) => i.file)).toEqual([
      'surveys/ip2021/responses.csv',
      'surveys/ip2021/design.yaml',
    ]);
  });

  test(
    'its page in both languages: the design, the estimates with intervals and quality, a chart with error bars',
    { timeout: 240_000 },
    async () => {
      const data = await dataWithSurvey();
      const out = join(data, '..', 'site');
      const stderr: string[] = [];
      const code = await main(
        ['build', data, '--out', out],
        () => {},
        (l) => stderr.push(l),
      );
      expect(stderr).toEqual([]);
      expect(code).toBe(0);
      for (const [lang, title, whole] of [
        ['', '抽样调查：ip2021（2021年）', '总体'],
        ['en/', 'Survey: ip2021 (2021)', 'whole population'],
      ] as const) {
        const { document } = parseHTML(await readFile(join(out, lang, 'survey', 'ip2021', 'index.html'), 'utf8'));
        expect(document.querySelector('h1')?.textContent).toBe(title);
        const rows = [...document.querySelectorAll('section[aria-labelledby="estimates"] tbody tr')].map((tr) =>
          [...tr.querySelectorAll('th, td')].map((c) => c.textContent?.trim()),
        );
        expect(rows).toHaveLength(4);
        // The whole population: 6 licensed of 12, weights 5; then Beijing 0.75 from 4 respondents.
        expect(rows[0]?.slice(2, 4)).toEqual([whole, '0.5000']);
        expect(rows[1]?.[3]).toBe('0.7500');
        expect(rows[1]?.[8]).toBe('4');
        expect(rows.every((r) => /^[A-E]$/.test(r[9] ?? ''))).toBe(true);
        const chart = document.querySelector('figure.chart svg');
        expect(chart?.getAttribute('aria-label')).toContain(lang === '' ? '95%置信区间' : '95% confidence intervals');
        // Three regions: three error bars and three dots.
        expect(chart?.querySelectorAll('line').length).toBeGreaterThanOrEqual(3);
        expect(chart?.querySelectorAll('circle').length).toBe(3);
        // The indicator that rests on the survey says so in its table, with the estimate's quality and interval.
        const indicator = parseHTML(await readFile(join(out, lang, 'indicator', 'licensing', 'index.html'), 'utf8')).document;
        const headers = [...indicator.querySelectorAll('section[aria-labelledby="values"] thead th')].map((th) => th.textContent?.trim());
        const column = headers.findIndex((h) => h?.startsWith(lang === '' ? '所依据的调查估计' : 'Survey estimate'));
        expect(column).toBeGreaterThan(0);
        const cells = [...indicator.querySelectorAll('section[aria-labelledby="values"] tbody tr')].map((tr) =>
          [...tr.querySelectorAll('th, td')][column]?.textContent?.trim(),
        );
        // Beijing: 0.75, se sqrt(12/11 x 0.046875) = 0.2261 (as above), interval 0.75 +- 1.96 x 0.2261; CV 30%: quality D.
        expect(cells).toContainEqual('D licensing_rate 0.750 (0.307–1.19)');
        // Its chart draws each value with its interval carried through the formula (x 100) as an
        // error bar: Beijing 75 with 0.75 +- 1.96 x 0.2261 = 0.307 to 1.193, times 100.
        const bars = [...indicator.querySelectorAll('figure.chart svg title')].map((title) => title.textContent);
        const z = 1.959963984540054;
        const se = Math.sqrt((12 / 11) * 0.046875);
        const interval = (p: number) => `${((p - z * se) * 100).toFixed(2)}–${((p + z * se) * 100).toFixed(2)}`;
        expect(bars).toContain(
          `${lang === '' ? '北京市' : 'Beijing'} 75.00 (${lang === '' ? '95%置信区间' : '95% confidence interval'} ${interval(0.75)})`,
        );
        expect(bars).toHaveLength(3);
        // And so does Beijing's page, in its table of indicators.
        const region = parseHTML(await readFile(join(out, lang, 'region', '110000', 'index.html'), 'utf8')).document;
        expect([...region.querySelectorAll('tbody td.caution')].map((td) => td.textContent?.trim())).toEqual([
          'D licensing_rate 0.750 (0.307–1.19)',
        ]);
        const methodology = parseHTML(await readFile(join(out, lang, 'methodology', 'index.html'), 'utf8')).document;
        expect([...methodology.querySelectorAll('section[aria-labelledby="surveys"] a')].map((a) => a.getAttribute('href'))).toEqual([
          expect.stringMatching(/survey\/ip2021\/?$/),
        ]);
      }
    },
  );

  test('a bad survey stops the build like any bad input', async () => {
    const data = await dataWithSurvey();
    await writeFile(
      join(data, 'surveys', 'ip2021', 'design.yaml'),
      'year: 2021\nweights: wt\nestimates:\n  - {variable: licensing_rate, statistic: mean, of: licensed}\n',
    );
    const stderr: string[] = [];
    const code = await main(
      ['build', data, '--out', join(data, '..', 'out'), '--no-site'],
      () => {},
      (l) => stderr.push(l),
    );
    expect(code).toBe(1);
    expect(stderr.join('\n')).toContain(
      `${join(data, 'surveys', 'ip2021', 'design.yaml')}, column "weights": found "wt", which is not a column of responses.csv`,
    );
  });
});
