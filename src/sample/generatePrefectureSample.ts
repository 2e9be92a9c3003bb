import { NATIONAL_TOTALS_FROM_2005 } from './earlyNationalTotals.ts';
import { nationalRows } from './nationalRows.ts';
import { MUNICIPALITIES, prefectureRegions, type RegionRow } from './prefectureRegions.ts';
import { PROVINCE_PROFILES } from './provinceProfiles.ts';
import { roundForUnit } from './roundForUnit.ts';
import { seededRandom } from './seededRandom.ts';
import { simulateSeries, type Panel } from './simulateSeries.ts';
import type { CodebookVariable, SampleTable } from './types.ts';

/** The prefecture-level sample: its regions, its tables, and the unrounded values by unit. */
export interface PrefectureSample {
  regions: RegionRow[];
  /** The units with values (prefectures and municipalities), in code order. */
  units: RegionRow[];
  years: number[];
  tables: SampleTable[];
  /** Unrounded values by variable, unit (as in `units`) and year: what microdata is drawn from. */
  panels: Record<string, Panel>;
}

// Which share of its province each variable of a unit takes. Parts of one total share out
// alike (rd_basic with rd_expenditure, inventions with all patents), so no part can exceed
// its total in a unit when it does not in the province.
type Share = 'population' | 'gdp' | 'innovation' | 'enforcement';
const SHARE_OF: Readonly<Record<string, Share | 'price'>> = {
  population: 'population',
  gdp: 'gdp',
  gdp_deflator: 'price',
  enforcement_cases: 'enforcement',
  cases_closed_in_time: 'enforcement',
};
// How far a unit's share drifts from year to year, relative to its GDP share's drift: people
// move slowly, innovation concentrates faster than output.
const DRIFT: Readonly<Record<Share, number>> = { population: 0.3, gdp: 1, innovation: 1.5, enforcement: 1 };

/**
 * Generates the prefecture-level sample: the province model (simulateSeries, with national
 * anchors back to 2005) shared out among each province's prefecture-level units by seeded
 * weights (population lognormal, richer and more innovative capitals, innovation concentrated
 * where output is, each drifting year by year), so that the units of a province add up to the
 * province's value before rounding. A municipality is one unit holding its whole value.
 */
export function generatePrefectureSample(
  provinces: readonly RegionRow[],
  variables: readonly CodebookVariable[],
  { seed, years }: { seed: number; years: readonly number[] },
): PrefectureSample {
  const provinceRows = provinces.filter((p) => p.level === 'province');
  const profiles = provinceRows.map((p) => {
    const profile = PROVINCE_PROFILES[p.region_code];
    if (!profile) throw new Error(`no sample profile for region ${p.region_code} (${p.name_en})`);
    return profile;
  });
  const provinceCodes = provinceRows.map((p) => p.region_code);
  const series = simulateSeries(profiles, provinceCodes, years, seed, NATIONAL_TOTALS_FROM_2005);
  const regions = prefectureRegions(provinceRows);
  const units = regions.filter((r) => r.level === 'prefecture');
  const provinceOf = units.map((u) => provinceCodes.indexOf(MUNICIPALITIES.has(u.region_code) ? u.region_code : u.parent_code));
  const shares = unitShares(units, provinceOf, years.length, seed);

  const panels: Record<string, Panel> = {};
  for (const v of variables) {
    const province = series[v.variable];
    if (!province) throw new Error(`the sample model has no series for variable ${v.variable}`);
    const share = SHARE_OF[v.variable] ?? 'innovation';
    panels[v.variable] = units.map((_, i) =>
      years.map((_, t) => province[provinceOf[i]!]![t]! * (share === 'price' ? 1 : shares[share][i]![t]!)),
    );
  }
  const datasets = [...new Set(variables.map((v) => v.dataset))];
  const tables = datasets.map((dataset) => {
    const columns = variables.filter((v) => v.dataset === dataset);
    const rows = units.flatMap((unit, i) =>
      years.map((year, t) => ({
        region_code: unit.region_code,
        year,
        values: Object.fromEntries(columns.map((v) => [v.variable, roundForUnit(panels[v.variable]![i]![t]!, v.unit)])),
      })),
    );
    // National rows (全国) as the sums of the units, as for the provinces: the national reference.
    return { dataset, variables: columns.map((v) => v.variable), rows, national: nationalRows(rows, columns) };
  });
  return { regions, units, years: [...years], tables, panels };
}

/** Each unit's share of its province, by kind of share, unit and year; shares of a province add to 1. */
function unitShares(units: readonly RegionRow[], provinceOf: readonly number[], yearCount: number, seed: number): Record<Share, Panel> {
  const weights = {} as Record<Share, Panel>;
  const base = units.map((unit) => {
    const random = seededRandom(seed, `prefecture/${unit.region_code}`);
    const capital = unit.region_code.endsWith('0100') ? 1 : 0;
    const population = Math.exp(0.6 * random.normal()) * (1 + capital);
    const gdp = population * Math.exp(0.35 * random.normal()) * (1 + 0.5 * capital);
    const innovation = gdp ** 1.4 * Math.exp(0.3 * random.normal()) * (1 + 0.6 * capital);
    const drift: number[] = [];
    let e = 0;
    for (let t = 0; t < yearCount; t++) {
      e = 0.8 * e + 0.03 * random.normal();
      drift.push(e);
    }
    return { population, gdp, innovation, enforcement: innovation ** 0.8, drift };
  });
  for (const share of ['population', 'gdp', 'innovation', 'enforcement'] as const) {
    const raw = base.map((b) => b.drift.map((e) => b[share] * Math.exp(DRIFT[share] * e)));
    const totals = new Map<number, number[]>();
    raw.forEach((row, i) => {
      const sum = totals.get(provinceOf[i]!) ?? new Array<number>(yearCount).fill(0);
      row.forEach((w, t) => (sum[t]! += w));
      totals.set(provinceOf[i]!, sum);
    });
    weights[share] = raw.map((row, i) => row.map((w, t) => w / totals.get(provinceOf[i]!)![t]!));
  }
  return weights;
}
