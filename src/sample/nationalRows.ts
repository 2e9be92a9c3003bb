import { roundForUnit } from './roundForUnit.ts';
import type { CodebookVariable, SampleRow } from './types.ts';

/**
 * The datasets that carry national rows (全国): every dataset, for the national accounts and for
 * the national reference of the index (method.yaml `reference: national`).
 */
export const NATIONAL_ROW_DATASETS: ReadonlySet<string> = new Set(['economy', 'rd', 'patents', 'transfers', 'pledges', 'protection']);

/**
 * The national rows (全国) of a dataset, one per year, as a yearbook prints them after the
 * provinces: each amount is the sum of the provinces' published (rounded) values, and the GDP
 * deflator is the implicit one, sum of GDP over sum of GDP at 2014 prices. A year in which a
 * province's value is missing has no national value, since a partial sum is not a total.
 */
export function nationalRows(rows: readonly SampleRow[], variables: readonly CodebookVariable[]): SampleRow[] {
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  return years.map((year) => {
    const ofYear = rows.filter((r) => r.year === year);
    const total = (variable: string): number | null => {
      let sum = 0;
      for (const row of ofYear) {
        const v = row.values[variable];
        if (v === null || v === undefined) return null;
        sum += v;
      }
      return sum;
    };
    const values: Record<string, number | null> = {};
    for (const v of variables) {
      let value: number | null;
      if (v.variable === 'gdp_deflator') {
        const nominal = total('gdp');
        const real = ofYear.reduce<number | null>((s, row) => {
          const gdp = row.values.gdp;
          const deflator = row.values.gdp_deflator;
          return s === null || gdp == null || deflator == null ? null : s + (gdp * 100) / deflator;
        }, 0);
        value = nominal === null || real === null ? null : (nominal / real) * 100;
      } else {
        value = total(v.variable);
      }
      values[v.variable] = value === null ? null : roundForUnit(value, v.unit);
    }
    return { region_code: '全国', year, values };
  });
}
