import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { InputError } from '../../src/lib/InputError.ts';
import { nationalCode } from '../../src/lib/types.ts';
import { openDatabase } from '../../src/database/openDatabase.ts';
import { runAccounts } from '../../src/accounts/runAccounts.ts';
import { runStaging } from '../../src/staging/runStaging.ts';
import { memoryDataDir, type SeriesYear } from './memoryDataDir.ts';
import { referenceAccounts } from './referenceAccounts.ts';

type Row = { region_code: string; year: number; item: string; price_basis: string; value: number | null };

const close = (a: number | null | undefined, b: number) =>
  a !== null && a !== undefined && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

// Random accounts problems: 1-3 regions and the nation, 1-10 consecutive years, R&D expenditure
// from 1 万元 to 1 trillion yuan changing by -20 % to +40 % a year (so that real GFCF sometimes
// falls fast enough to make g + d negative), deflators changing by -10 % to +15 % a year, random
// d, capitalisation share, growth window, base year and other changes in volume.
const problem = fc
  .record({
    regions: fc.integer({ min: 1, max: 3 }),
    years: fc.integer({ min: 1, max: 10 }),
    start: fc.integer({ min: 1995, max: 2020 }),
    d: fc.double({ min: 0.05, max: 0.5, noNaN: true }),
    share: fc.double({ min: 0.1, max: 1, noNaN: true }),
    growthYears: fc.integer({ min: 1, max: 6 }),
    baseOffset: fc.option(fc.nat(), { nil: null }),
    withOcv: fc.boolean(),
    levels: fc.array(fc.tuple(fc.double({ min: 1, max: 1e8, noNaN: true }), fc.double({ min: 50, max: 300, noNaN: true })), {
      minLength: 4,
      maxLength: 4,
    }),
    changes: fc.array(
      fc.tuple(
        fc.double({ min: 0.8, max: 1.4, noNaN: true }),
        fc.double({ min: 0.9, max: 1.15, noNaN: true }),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
      ),
      { minLength: 40, maxLength: 40 },
    ),
  })
  .map((p) => {
    const codes = [...Array.from({ length: p.regions }, (_, i) => `${11 + i}0000`), nationalCode];
    const units: Record<string, SeriesYear[]> = {};
    codes.forEach((code, i) => {
      let [rd, deflator] = p.levels[i]!;
      units[code] = Array.from({ length: p.years }, (_, t) => {
        const [rdChange, priceChange, ocv] = p.changes[(i * 10 + t) % p.changes.length]!;
        if (t > 0) [rd, deflator] = [rd * rdChange, deflator * priceChange];
        return { year: p.start + t, rd, deflator, gdp: rd / 100, fte: rd / 1000, ...(p.withOcv ? { ocv } : {}) };
      });
    });
    const baseYear = p.baseOffset === null ? null : p.start + (p.baseOffset % p.years);
    return { ...p, units, baseYear };
  });

describe('accounts identities over random series (fast-check)', () => {
  test('every row matches an independent perpetual inventory, and the asset account balances', async () => {
    await fc.assert(
      fc.asyncProperty(problem, async (p) => {
        const data = memoryDataDir(p.units, {
          depreciation: p.d,
          capitalisation_share: p.share,
          growth_years: p.growthYears,
          base_year: p.baseYear,
          other_volume_changes: p.withOcv ? 'rd_ocv' : null,
          national_check: { on_break: 'footnote' },
        });
        const reference = Object.fromEntries(
          Object.entries(p.units).map(([code, series]) => {
            const base = series.find((s) => s.year === (p.baseYear ?? p.start))!;
            return [
              code,
              referenceAccounts(
                series.map((s) => ({ year: s.year, expenditure: s.rd! / 1e4, priceRaw: s.deflator!, ocv: (s.ocv ?? 0) / 1e4 })),
                { d: p.d, share: p.share, growthYears: p.growthYears, basePrice: base.deflator! },
              ),
            ];
          }),
        );
        const db = await openDatabase();
        try {
          await runStaging(db, data);
          const impossible = Object.values(reference).some((r) => r === null);
          if (impossible) {
            // No initial stock exists: a clear input error, never a silent NULL or infinity.
            await expect(runAccounts(db, data)).rejects.toBeInstanceOf(InputError);
            return;
          }
          const run = await runAccounts(db, data);
          expect(run).toMatchObject({ computed: true, units: p.regions + 1, breaks: 0 });
          const rows = await db.query<Row>('SELECT region_code, year, item, price_basis, value FROM accounts');
          const value = new Map(rows.map((r) => [`${r.region_code}|${r.year}|${r.item}|${r.price_basis}`, r.value]));
          const constant = `constant_${p.baseYear ?? p.start}`;

          for (const [code, accounts] of Object.entries(reference)) {
            for (const y of accounts!.years) {
              const at = (item: string, basis: string) => value.get(`${code}|${y.year}|${item}|${basis}`);
              const expected: [string, string, number][] = [
                ['opening_stock', constant, y.opening],
                ['gfcf', constant, y.gfcfReal],
                ['cfc', constant, y.cfc],
                ['other_volume_changes', constant, y.ocvReal],
                ['revaluation', constant, 0],
                ['closing_stock', constant, y.closing],
                ['opening_stock', 'current', y.openingCurrent],
                ['gfcf', 'current', y.gfcfNominal],
                ['cfc', 'current', y.cfcCurrent],
                ['other_volume_changes', 'current', (y.ocvReal * y.price) / 100],
                ['revaluation', 'current', y.revaluation],
                ['closing_stock', 'current', y.closingCurrent],
                ['price_index', 'index', y.price],
              ];
              for (const [item, basis, want] of expected) {
                expect(close(at(item, basis), want), `${code} ${y.year} ${item} ${basis}: ${at(item, basis)} vs ${want}`).toBe(true);
              }
              // The identity itself, on the published values of both bases.
              for (const basis of [constant, 'current']) {
                const implied =
                  at('opening_stock', basis)! +
                  at('gfcf', basis)! -
                  at('cfc', basis)! +
                  at('other_volume_changes', basis)! +
                  at('revaluation', basis)!;
                expect(close(at('closing_stock', basis), implied), `${code} ${y.year} ${basis} identity`).toBe(true);
                const previous = value.get(`${code}|${y.year - 1}|closing_stock|${basis}`);
                if (previous !== undefined)
                  expect(close(at('opening_stock', basis), previous!), `${code} ${y.year} ${basis} opening`).toBe(true);
              }
            }
          }

          // The sum of regions adds the regions up, item by item.
          const sums = await db.query<Row>(
            "SELECT year, item, price_basis, value FROM accounts_aggregates WHERE aggregate = 'regions' AND unit = '亿元'",
          );
          for (const s of sums) {
            const parts = rows.filter(
              (r) => r.region_code !== nationalCode && r.year === s.year && r.item === s.item && r.price_basis === s.price_basis,
            );
            expect(
              close(
                s.value,
                parts.reduce((a, r) => a + r.value!, 0),
              ),
            ).toBe(true);
          }
        } finally {
          db.close();
        }
      }),
      // Each run is a DuckDB build: report the first counterexample rather than shrink for minutes.
      { numRuns: 30, seed: 20260101, endOnFailure: true },
    );
  });
});
