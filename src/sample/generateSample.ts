import { MISSING_CELLS } from './missingCells.ts';
import { NATIONAL_ROW_DATASETS, nationalRows } from './nationalRows.ts';
import { PROVINCE_PROFILES } from './provinceProfiles.ts';
import { roundForUnit } from './roundForUnit.ts';
import { simulateSeries } from './simulateSeries.ts';
import type { CodebookVariable, SampleRegion, SampleTable } from './types.ts';

/** How to generate: the random seed and the consecutive years to cover. */
export interface GenerateSampleOptions {
  seed: number;
  years: readonly number[];
}

/** The seed and years of the committed sample in data/. */
export const SAMPLE_OPTIONS: GenerateSampleOptions = {
  seed: 20141,
  years: Array.from({ length: 11 }, (_, i) => 2014 + i),
};

/**
 * Generates the illustrative sample, one table per codebook dataset: every variable for every
 * region and year, deterministic for a seed, rounded as published, with the cells of
 * `MISSING_CELLS` left empty (`null`).
 */
export function generateSample(
  regions: readonly SampleRegion[],
  variables: readonly CodebookVariable[],
  { seed, years }: GenerateSampleOptions,
): SampleTable[] {
  years.forEach((year, t) => {
    if (!Number.isInteger(year) || (t > 0 && year !== years[t - 1]! + 1)) {
      throw new Error(`years must be consecutive integers, got ${years.join(', ')}`);
    }
  });
  const profiles = regions.map((r) => {
    const profile = PROVINCE_PROFILES[r.region_code];
    if (!profile) throw new Error(`no sample profile for region ${r.region_code} (${r.name_en})`);
    return profile;
  });
  const codes = regions.map((r) => r.region_code);
  const series = simulateSeries(profiles, codes, years, seed);
  const missing = new Set(MISSING_CELLS.map((c) => `${c.region_code}/${c.year}/${c.variable}`));

  const datasets = [...new Set(variables.map((v) => v.dataset))];
  return datasets.map((dataset) => {
    const columns = variables.filter((v) => v.dataset === dataset);
    const panels = columns.map((v) => {
      const panel = series[v.variable];
      if (!panel) throw new Error(`the sample model has no series for variable ${v.variable}`);
      return panel;
    });
    const rows = codes.flatMap((code, i) =>
      years.map((year, t) => ({
        region_code: code,
        year,
        values: Object.fromEntries(
          columns.map((v, k) => [
            v.variable,
            missing.has(`${code}/${year}/${v.variable}`) ? null : roundForUnit(panels[k]![i]![t]!, v.unit),
          ]),
        ),
      })),
    );
    const table: SampleTable = { dataset, variables: columns.map((v) => v.variable), rows };
    if (NATIONAL_ROW_DATASETS.has(dataset)) table.national = nationalRows(rows, columns);
    return table;
  });
}
