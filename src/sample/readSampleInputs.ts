import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { CodebookVariable, SampleRegion } from './types.ts';

/** The regions and the codebook that the sample is generated for. */
export interface SampleInputs {
  regions: SampleRegion[];
  /** The variables the sample simulates as regional tables: every one but the survey's. */
  variables: CodebookVariable[];
  /** The variables of the unit-level datasets, which the sample survey and register yield. */
  unitLevelVariables: string[];
}

/**
 * The codebook's datasets of the variables that come from the sample's unit-level sources, not
 * simulated as tables: the survey's estimates (sampleSurvey.ts) and the enterprise register's
 * counts (sampleRegister.ts).
 */
export const UNIT_LEVEL_DATASETS = ['survey', 'enterprises', 'institutions'];

/** Reads the provinces of `regions.csv` and the codebook `variables.csv` from a data directory. */
export async function readSampleInputs(dir: string): Promise<SampleInputs> {
  const read = async (name: string): Promise<Record<string, string>[]> =>
    parse(await readFile(join(dir, name), 'utf8'), {
      columns: true,
      bom: true,
      skip_empty_lines: true,
    });
  const regions = (await read('regions.csv'))
    .filter((r) => r.level === 'province')
    .map((r) => ({ region_code: r.region_code ?? '', name_zh: r.name_zh ?? '', name_en: r.name_en ?? '' }));
  const codebook = await read('variables.csv');
  const variables = codebook
    .filter((v) => !UNIT_LEVEL_DATASETS.includes(v.dataset ?? ''))
    .map((v) => ({
      variable: v.variable ?? '',
      dataset: v.dataset ?? '',
      unit: v.unit ?? '',
      min: v.min ? Number(v.min) : null,
      max: v.max ? Number(v.max) : null,
    }));
  return {
    regions,
    variables,
    unitLevelVariables: codebook.filter((v) => UNIT_LEVEL_DATASETS.includes(v.dataset ?? '')).map((v) => v.variable ?? ''),
  };
}
