import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generatePrefectureSample } from './generatePrefectureSample.ts';
import { generateSample, SAMPLE_OPTIONS } from './generateSample.ts';
import { readRegionRows, regionsCsv } from './prefectureRegions.ts';
import { readSampleInputs } from './readSampleInputs.ts';
import { sampleFiles } from './sampleFiles.ts';
import { sampleInstitutions } from './sampleInstitutions.ts';
import { sampleRegister } from './sampleRegister.ts';
import { sampleSurvey } from './sampleSurvey.ts';
import type { Panel } from './simulateSeries.ts';
import type { SampleTable } from './types.ts';
import { RECORD_VARIABLES, writeRecords, type RecordsSource } from './writeRecords.ts';
import { writeSample } from './writeSample.ts';

/** What to generate: the level, how many years up to the sample's last, how many patent records. */
export interface DataDirectoryOptions {
  level: 'province' | 'prefecture';
  /** null: 11 years at province level (2014-2024), 20 at prefecture level (2005-2024). */
  years: number | null;
  /** Patent records of microdata; 0 for none. With microdata, the variables it yields are left out of the aggregate files. */
  records: number;
  seed: number;
}

// The province model's anchors start in 2014; earlyNationalTotals.ts carries them back to 2005.
const PROVINCE_YEARS = 11;
const PREFECTURE_YEARS = 20;

/**
 * Writes a complete data directory into `out` (regions, codebook, framework and method from
 * `inputDir`, the sample's observation files, and with `records` the microdata files) and
 * returns a line per file written, for the command to print. At province level it holds the
 * sample survey and enterprise register as data/ does; the prefecture level has neither for its
 * units, so its framework leaves out the indicators that rest on them.
 */
export async function writeDataDirectory(inputDir: string, out: string, options: DataDirectoryOptions): Promise<string[]> {
  const { variables, regions: provinces, unitLevelVariables } = await readSampleInputs(inputDir);
  const last = SAMPLE_OPTIONS.years.at(-1)!;
  const most = options.level === 'province' ? PROVINCE_YEARS : PREFECTURE_YEARS;
  const count = options.years ?? most;
  if (count > most) {
    throw new Error(`--years ${count}: the ${options.level}-level sample covers at most ${most} years (${last - most + 1}-${last})`);
  }
  const years = Array.from({ length: count }, (_, i) => last - count + 1 + i);

  let tables: SampleTable[];
  let regionsText: string;
  let source: RecordsSource;
  if (options.level === 'province') {
    tables = generateSample(provinces, variables, { seed: options.seed, years });
    const rows = await readRegionRows(inputDir);
    regionsText = regionsCsv(rows);
    source = {
      units: provinces,
      years,
      panels: panelsOf(
        tables,
        provinces.map((p) => p.region_code),
        years,
      ),
    };
  } else {
    const sample = generatePrefectureSample(await readRegionRows(inputDir), variables, { seed: options.seed, years });
    tables = sample.tables;
    regionsText = regionsCsv(sample.regions);
    source = sample;
  }
  if (options.records > 0) {
    tables = tables
      .map((t) => ({ ...t, variables: t.variables.filter((v) => !RECORD_VARIABLES.has(v)) }))
      .filter((t) => t.variables.length > 0);
  }

  await mkdir(out, { recursive: true });
  const lines: string[] = [];
  await writeFile(join(out, 'regions.csv'), regionsText, 'utf8');
  lines.push(`wrote ${join(out, 'regions.csv')} (${regionsText.split('\n').length - 2} regions, ${options.level} level)`);
  for (const name of ['variables.csv', 'method.yaml']) {
    await copyFile(join(inputDir, name), join(out, name));
    lines.push(`wrote ${join(out, name)} (copied from the bundled sample)`);
  }
  const framework = await readFile(join(inputDir, 'framework.csv'), 'utf8');
  if (options.level === 'province') {
    await writeFile(join(out, 'framework.csv'), framework, 'utf8');
    lines.push(`wrote ${join(out, 'framework.csv')} (copied from the bundled sample)`);
  } else {
    await writeFile(join(out, 'framework.csv'), withoutIndicatorsOf(framework, unitLevelVariables), 'utf8');
    lines.push(`wrote ${join(out, 'framework.csv')} (the bundled sample's, without the indicators of its survey and register)`);
  }
  const files = [
    ...sampleFiles(tables, variables),
    ...(options.level === 'province'
      ? [
          ...sampleSurvey(provinces, years, options.seed),
          ...sampleRegister(provinces, years, options.seed),
          ...sampleInstitutions(provinces, years, options.seed),
        ]
      : []),
  ];
  const paths = await writeSample(files, out);
  files.forEach((file, i) => lines.push(`wrote ${paths[i]} (${file.text.split('\n').length - 2} rows, seed ${options.seed})`));
  if (options.records > 0) {
    for (const { file, records } of await writeRecords(out, source, { seed: options.seed, patents: options.records })) {
      lines.push(`wrote ${file} (${records.toLocaleString('en-US')} records, seed ${options.seed})`);
    }
  }
  return lines;
}

/** Values by variable, region (in the order of `codes`) and year, read back from sample tables. */
function panelsOf(tables: readonly SampleTable[], codes: readonly string[], years: readonly number[]): Record<string, Panel> {
  const panels: Record<string, Panel> = {};
  for (const table of tables) {
    for (const variable of table.variables) {
      const panel = codes.map(() => years.map(() => 0));
      for (const row of table.rows) {
        const i = codes.indexOf(row.region_code);
        const t = years.indexOf(row.year);
        if (i >= 0 && t >= 0) panel[i]![t] = row.values[variable] ?? 0;
      }
      panels[variable] = panel;
    }
  }
  return panels;
}

/**
 * framework.csv without the indicators whose formula reads any of `variables`, and without the
 * aggregates that are left with no children (a dimension all of whose indicators went). The
 * sample's framework has no quoted commas before the formula column (the ninth).
 */
function withoutIndicatorsOf(framework: string, variables: readonly string[]): string {
  let rows = framework.split('\n');
  const reads = (row: string) => variables.some((v) => new RegExp(`\\b${v}\\b`).test(row.split(',').slice(8).join(',')));
  rows = rows.filter((row, i) => i === 0 || !reads(row));
  for (;;) {
    const parents = new Set(rows.slice(1).map((row) => row.split(',')[1]));
    const childless = (row: string) => {
      const [code, , level] = row.split(',');
      return Number(level) > 1 && !parents.has(code);
    };
    const kept = rows.filter((row, i) => i === 0 || row === '' || !childless(row));
    if (kept.length === rows.length) return kept.join('\n');
    rows = kept;
  }
}
