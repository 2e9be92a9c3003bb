import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, test } from 'vitest';
import { main } from '../../src/cli/cli.ts';
import { plantedEffect, sampleRegister } from '../../src/sample/sampleRegister.ts';

// The effect of GB/T 29490 certification (queries/enterprises/5*), checked three ways: its
// estimates against the estimator written out here by brute force, enterprise by enterprise;
// the effect planted in the sample recovered, and none before certification; its bootstrap
// standard errors against an ordinary bootstrap of enterprises done here.

type Csv = Record<string, string>[];
type Effect = { outcome: string; event_time: number | null; att: number; se: number; ci_low: number; ci_high: number; n_treated: number };

const readCsv = async (path: string) => parse(await readFile(path, 'utf8'), { columns: true }) as Csv;

/** Enterprises' cohorts (year first certified; Infinity never) and outcomes by year, from the register files. */
async function panel(dir: string, outcome: string) {
  const cohort = new Map<string, number>();
  for (const c of await readCsv(join(dir, 'certifications.csv'))) {
    cohort.set(c.enterprise_id!, Math.min(cohort.get(c.enterprise_id!) ?? Infinity, Number(c.issued!.slice(0, 4))));
  }
  const values = new Map<string, Map<number, number>>();
  for (const o of await readCsv(join(dir, 'outcomes.csv'))) {
    if (o[outcome] === '') continue;
    if (!values.has(o.enterprise_id!)) values.set(o.enterprise_id!, new Map());
    values.get(o.enterprise_id!)!.set(Number(o.year), Number(o[outcome]));
  }
  return { cohort, values };
}

/**
 * Callaway and Sant'Anna's ATT(g, t) with not-yet-treated controls and base year g - 1, by
 * brute force over a list of enterprises (a bootstrap sample may list one twice), aggregated
 * by event time (weights: treated enterprises) and overall (every t >= g).
 */
function bruteForce(ids: readonly string[], { cohort, values }: Awaited<ReturnType<typeof panel>>) {
  const years = [...new Set([...values.values()].flatMap((v) => [...v.keys()]))].sort((a, b) => a - b);
  const first = years[0]!;
  const last = years.at(-1)!;
  const g = (id: string) => cohort.get(id) ?? Infinity;
  const byEvent = new Map<number, { sum: number; n: number }>();
  const overall = { sum: 0, n: 0 };
  for (const c of new Set(ids.map(g))) {
    if (!Number.isFinite(c) || c - 1 < first || c > last) continue;
    for (const t of years) {
      if (t === c - 1) continue;
      const change = (id: string) => {
        const [a, b] = [values.get(id)?.get(t), values.get(id)?.get(c - 1)];
        return a === undefined || b === undefined ? null : a - b;
      };
      const mean = (list: readonly string[]) => {
        const changes = list.map(change).filter((d): d is number => d !== null);
        return { mean: changes.reduce((s, d) => s + d, 0) / changes.length, n: changes.length };
      };
      const treated = mean(ids.filter((id) => g(id) === c));
      const control = mean(ids.filter((id) => g(id) !== c && g(id) > Math.max(t, c - 1)));
      if (treated.n === 0 || control.n === 0) continue;
      const att = treated.mean - control.mean;
      const e = byEvent.get(t - c) ?? { sum: 0, n: 0 };
      byEvent.set(t - c, { sum: e.sum + treated.n * att, n: e.n + treated.n });
      if (t >= c) {
        overall.sum += treated.n * att;
        overall.n += treated.n;
      }
    }
  }
  return {
    byEvent: new Map([...byEvent].map(([e, { sum, n }]) => [e, { att: sum / n, n }])),
    overall: { att: overall.sum / overall.n, n: overall.n },
  };
}

async function buildEffect(data: string): Promise<Effect[]> {
  const out = join(data, '..', 'out');
  const stderr: string[] = [];
  const code = await main(
    ['build', data, '--out', out, '--no-site'],
    () => {},
    (l) => stderr.push(l),
  );
  expect(stderr).toEqual([]);
  expect(code).toBe(0);
  return (await readCsv(join(out, 'data', 'certification_effect.csv'))).map((r) => ({
    outcome: r.outcome!,
    event_time: r.event_time === '' ? null : Number(r.event_time),
    att: Number(r.att),
    se: Number(r.se),
    ci_low: Number(r.ci_low),
    ci_high: Number(r.ci_high),
    n_treated: Number(r.n_treated),
  }));
}

describe('the effect of certification on the sample register', () => {
  let effects: Effect[];
  let data: string;
  beforeAll(async () => {
    data = join(await mkdtemp(join(tmpdir(), 'ipindex-effect-')), 'data');
    await cp('data', data, { recursive: true });
    effects = await buildEffect(data);
  }, 120_000);

  test('a build again gives the same estimates to the last digit (part of it runs on both cores)', { timeout: 120_000 }, async () => {
    const first = await readFile(join(data, '..', 'out', 'data', 'certification_effect.csv'), 'utf8');
    await buildEffect(data);
    expect(await readFile(join(data, '..', 'out', 'data', 'certification_effect.csv'), 'utf8')).toBe(first);
  });

  test('every estimate is what the estimator gives by brute force, enterprise by enterprise', async () => {
    for (const outcome of ['invention_applications', 'rd_expenditure']) {
      const p = await panel('data/enterprises', outcome);
      const expected = bruteForce([...p.values.keys()], p);
      const rows = effects.filter((e) => e.outcome === outcome);
      // Every event time but the base year (-1), and overall.
      expect(rows.map((r) => r.event_time)).toEqual([...[...expected.byEvent.keys()].filter((e) => e !== -1).sort((a, b) => a - b), null]);
      for (const r of rows) {
        const want = r.event_time === null ? expected.overall : expected.byEvent.get(r.event_time)!;
        expect(r.att, `${outcome} ${r.event_time}`).toBeCloseTo(want.att, 9);
        expect(r.n_treated).toBe(want.n);
      }
    }
  });

  test('the planted effect is recovered inside its 95% band, and none is found before certification', () => {
    const invention = effects.filter((e) => e.outcome === 'invention_applications');
    for (const e of invention.filter((r) => r.event_time !== null && r.event_time >= 0 && r.event_time <= 4)) {
      expect(plantedEffect(e.event_time!), `event time ${e.event_time}`).toBeGreaterThanOrEqual(e.ci_low);
      expect(plantedEffect(e.event_time!), `event time ${e.event_time}`).toBeLessThanOrEqual(e.ci_high);
    }
    // Before certification: nothing beyond sampling noise. Nine 95% bands would leave out 0 by
    // chance now and then, so each estimate is held to 3 standard errors (a 0.3% chance), and
    // none may come near the planted effect's size.
    const before = invention.filter((r) => r.event_time !== null && r.event_time < 0);
    expect(before.length).toBeGreaterThanOrEqual(5);
    for (const e of before) {
      expect(Math.abs(e.att), `event time ${e.event_time}`).toBeLessThan(3 * e.se);
      expect(Math.abs(e.att)).toBeLessThan(0.5);
    }
    // R&D expenditure carries no effect at all (a placebo): within 3 standard errors of 0.
    const placebo = effects.find((e) => e.outcome === 'rd_expenditure' && e.event_time === null)!;
    expect(Math.abs(placebo.att)).toBeLessThan(3 * placebo.se);
  });
});

describe('the bootstrap of the effect', () => {
  test('its standard errors agree with an ordinary bootstrap of enterprises', { timeout: 120_000 }, async () => {
    // A small register: the sample generator's for the three provinces of the tiny fixture,
    // each enterprise a group of its own (groups above the number of enterprises).
    const data = join(await mkdtemp(join(tmpdir(), 'ipindex-effect-bootstrap-')), 'data');
    await cp('test/fixtures/tiny', data, { recursive: true });
    await mkdir(join(data, 'enterprises'));
    const years = Array.from({ length: 11 }, (_, i) => 2014 + i);
    // Its national certification bodies sit in provinces the fixture does not have: left out.
    for (const file of sampleRegister(
      [
        { region_code: '110000', name_en: 'Beijing' },
        { region_code: '120000', name_en: 'Tianjin' },
        { region_code: '540000', name_en: 'Tibet' },
      ],
      years,
      7,
    )) {
      if (!file.name.endsWith('service_bodies.csv')) await writeFile(join(data, file.name), file.text);
    }
    await writeFile(
      join(data, 'method.yaml'),
      `${await readFile(join(data, 'method.yaml'), 'utf8')}enterprises:\n  effect: {bootstrap: 999, groups: 100000, seed: 3}\n`,
    );
    const effects = await buildEffect(data);
    const p = await panel(join(data, 'enterprises'), 'invention_applications');
    const ids = [...p.values.keys()];
    expect(ids.length).toBeGreaterThan(150);
    // The ordinary bootstrap: enterprises drawn with replacement, the estimator run on each draw.
    let seed = 99;
    const uniform = () => {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      return seed / 2 ** 32;
    };
    const replicates = 400;
    const draws: { overall: number; first: number }[] = [];
    for (let b = 0; b < replicates; b++) {
      const sample = ids.map(() => ids[Math.floor(uniform() * ids.length)]!);
      const r = bruteForce(sample, p);
      draws.push({ overall: r.overall.att, first: r.byEvent.get(0)?.att ?? Number.NaN });
    }
    const sd = (xs: number[]) => {
      const m = xs.reduce((s, x) => s + x, 0) / xs.length;
      return Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1));
    };
    const overall = effects.find((e) => e.outcome === 'invention_applications' && e.event_time === null)!;
    const first = effects.find((e) => e.outcome === 'invention_applications' && e.event_time === 0)!;
    // Two bootstraps of 400 and 999 replicates: their standard errors differ by a few percent by
    // chance alone, and the multiplier bootstrap's linearisation by little more.
    expect(overall.se / sd(draws.map((d) => d.overall))).toBeGreaterThan(0.85);
    expect(overall.se / sd(draws.map((d) => d.overall))).toBeLessThan(1.15);
    expect(first.se / sd(draws.map((d) => d.first).filter(Number.isFinite))).toBeGreaterThan(0.85);
    expect(first.se / sd(draws.map((d) => d.first).filter(Number.isFinite))).toBeLessThan(1.15);
  });
});
