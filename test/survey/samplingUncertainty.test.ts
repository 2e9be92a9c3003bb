import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { main } from '../../src/cli/cli.ts';

// Sampling error in the ranking: the Monte Carlo draws each survey estimate that feeds an
// indicator from its sampling distribution, so the rank bands include sampling error. The
// data leaves nothing else uncertain (one indicator under one dimension, weights fixed, one
// normalisation), so the bands without sampling are the published ranks, and the bands with
// it are the quantiles of the ranks of three normal draws, worked out here by simulation
// from the published estimates and standard errors.

type Csv = Record<string, string>[];

async function build(sampling: boolean, site = false): Promise<{ uncertainty: Csv; estimates: Csv; log: string[]; out: string }> {
  const data = join(await mkdtemp(join(tmpdir(), 'ipindex-sampling-')), 'data');
  await cp('test/fixtures/tiny', data, { recursive: true });
  await writeFile(
    join(data, 'variables.csv'),
    `${await readFile(join(data, 'variables.csv'), 'utf8')}licensing_rate,survey,专利许可率,Licensing rate,比例,0,1,Share of patent holders that licensed\n`,
  );
  await writeFile(
    join(data, 'framework.csv'),
    [
      'code,parent,level,name_zh,name_en,unit,direction,weight,formula,target',
      'index,,3,指数,Index,分,1,1,,',
      'output,index,2,产出,Output,分,1,1,,',
      'licensing,output,1,专利许可率,Licensing rate,%,1,1,licensing_rate * 100,',
      '',
    ].join('\n'),
  );
  await writeFile(
    join(data, 'method.yaml'),
    `normalise: {method: minmax, lower: 0, upper: 100, over: year}\nuncertainty: {runs: 1000, seed: 7, weights: 0, sampling: ${sampling}}\n`,
  );
  await mkdir(join(data, 'surveys', 'ip2021'), { recursive: true });
  // Ten respondents a province, weights 5: Beijing licensed 8, Tianjin 2, Tibet 6.
  const licensed = { '110000': 8, '120000': 2, '540000': 6 };
  const lines = [
    'id,region_code,weight,licensed',
    ...Object.entries(licensed).flatMap(([region, k]) =>
      Array.from({ length: 10 }, (_, i) => `${region}-${i},${region},5,${i < k ? 1 : 0}`),
    ),
  ];
  await writeFile(join(data, 'surveys', 'ip2021', 'responses.csv'), `${lines.join('\n')}\n`);
  await writeFile(
    join(data, 'surveys', 'ip2021', 'design.yaml'),
    'year: 2021\nweights: weight\nquality: {publish_e: true}\nestimates:\n  - {variable: licensing_rate, statistic: mean, of: licensed, by: region_code}\n',
  );
  const out = join(data, '..', 'out');
  const log: string[] = [];
  const stderr: string[] = [];
  const code = await main(
    ['build', data, '--out', out, ...(site ? [] : ['--no-site'])],
    (l) => log.push(l),
    (l) => stderr.push(l),
  );
  expect(stderr).toEqual([]);
  expect(code).toBe(0);
  const read = async (name: string) => parse(await readFile(join(out, 'data', name), 'utf8'), { columns: true }) as Csv;
  return { uncertainty: await read('uncertainty.csv'), estimates: await read('estimates.csv'), log, out };
}

/** R's quantile type 7 of sorted numbers. */
function quantile(sorted: number[], q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = sorted[Math.floor(h)]!;
  return lo + (h - Math.floor(h)) * (sorted[Math.ceil(h)]! - lo);
}

describe('sampling error in the rank bands', () => {
  test(
    'the bands with sampling error are the quantiles of the ranks of the drawn estimates; without it, the published ranks',
    { timeout: 60_000 },
    async () => {
      const { uncertainty, estimates, log } = await build(true);
      const index = uncertainty.filter((u) => u.node === 'index' && u.year === '2021');
      expect(index.map((u) => u.region_code).sort()).toEqual(['110000', '120000', '540000']);
      // Nothing but sampling is uncertain here: without it every band is the published rank.
      for (const u of index)
        expect([u.rank_p05_without_sampling, u.rank_median_without_sampling, u.rank_p95_without_sampling].map(Number)).toEqual(
          [1, 1, 1].map(() => Number(u.rank)),
        );

      // An independent simulation of the ranks from the published estimates and se.
      const cells = estimates.filter((e) => e.domain === 'region_code');
      const regions = cells.map((e) => ({ code: e.domain_value, estimate: Number(e.estimate), se: Number(e.se) }));
      let seed = 12345;
      const uniform = () => {
        seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
        return (seed + 0.5) / 2 ** 32;
      };
      const normal = () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
      const draws = 100_000;
      const ranks = new Map(regions.map((r) => [r.code, [] as number[]]));
      for (let i = 0; i < draws; i++) {
        const drawn = regions.map((r) => ({ code: r.code, x: r.estimate + r.se * normal() }));
        drawn.sort((a, b) => b.x - a.x).forEach((d, k) => ranks.get(d.code)!.push(k + 1));
      }
      for (const u of index) {
        const sorted = ranks.get(u.region_code)!.sort((a, b) => a - b);
        // The data is chosen so that no quantile sits near a step between ranks (the share of
        // draws at or below each rank is far from 5%, 50% and 95%), where 1,000 runs could differ.
        for (const rank of [1, 2]) {
          const share = sorted.filter((r) => r <= rank).length / draws;
          for (const q of [0.05, 0.5, 0.95]) expect(Math.abs(share - q)).toBeGreaterThan(0.015);
        }
        expect([u.rank_p05, u.rank_median, u.rank_p95].map(Number), u.region_code).toEqual(
          [0.05, 0.5, 0.95].map((q) => quantile(sorted, q)),
        );
      }
      // Beijing (0.8) is overtaken by Tibet (0.6) in about a sixth of the runs: its band is 1-2.
      const beijing = index.find((u) => u.region_code === '110000')!;
      expect([beijing.rank, beijing.rank_p05, beijing.rank_p95].map(Number)).toEqual([1, 1, 2]);
      expect(log.join('\n')).toMatch(/uncertainty .*the survey estimates of licensing/);
    },
  );

  test('with sampling: false the runs leave the estimates as published', { timeout: 60_000 }, async () => {
    const { uncertainty } = await build(false);
    for (const u of uncertainty.filter((r) => r.node === 'index')) {
      expect([u.rank_p05, u.rank_median, u.rank_p95].map(Number)).toEqual([1, 1, 1].map(() => Number(u.rank)));
      expect([u.rank_p05_without_sampling, u.rank_median_without_sampling, u.rank_p95_without_sampling]).toEqual(['', '', '']);
    }
  });

  test('the overview shows the bands with sampling error and without it', { timeout: 240_000 }, async () => {
    const { out, uncertainty } = await build(true, true);
    const band = (u: Record<string, string> | undefined, suffix: string) =>
      `${Number(u?.[`rank_p05${suffix}`])}–${Number(u?.[`rank_p95${suffix}`])}`;
    const beijing = uncertainty.find((u) => u.node === 'index' && u.region_code === '110000');
    for (const [lang, withLabel, withoutLabel] of [
      ['', '排名区间（含抽样误差）', '不含抽样误差'],
      ['en/', 'Rank band (with sampling error)', 'Without sampling error'],
    ] as const) {
      const { document } = parseHTML(await readFile(join(out, lang, 'index.html'), 'utf8'));
      const table = document.querySelector('section[aria-labelledby="table"] table');
      const headers = [...(table?.querySelectorAll('thead th') ?? [])].map((th) => th.textContent?.replace('↕', '').trim());
      const withColumn = headers.indexOf(withLabel);
      const withoutColumn = headers.indexOf(withoutLabel);
      expect(withColumn).toBeGreaterThan(0);
      expect(withoutColumn).toBe(withColumn + 1);
      const row = [...(table?.querySelectorAll('tbody tr') ?? [])].find((tr) =>
        tr.querySelector('th')?.textContent?.includes(lang === '' ? '北京' : 'Beijing'),
      );
      const cells = [...(row?.querySelectorAll('th, td') ?? [])].map((c) => c.textContent?.trim());
      expect([cells[withColumn], cells[withoutColumn]]).toEqual([band(beijing, ''), band(beijing, '_without_sampling')]);
      expect(cells[withColumn]).toBe('1–2');
      // The chart draws the band without sampling error inside the one with it.
      expect(document.querySelector('figure.chart')?.textContent).toContain(lang === '' ? '不含抽样误差' : 'without it');
    }
  });
});
