/**
 * `npm run sample [-- --seed N --out DIR]`: regenerates the illustrative sample data files.
 * With the defaults it rewrites the committed files in data/ byte for byte.
 *
 * `npm run sample -- --level prefecture --years 20 --records 10000000 --out DIR` writes a
 * whole data directory instead (see writeDataDirectory.ts): the 337 prefecture-level units
 * over the last N years, and registry microdata of any size.
 *
 * `npm run sample -- --respondents 1000000 --out DIR` writes a survey folder (responses.csv and
 * design.yaml, writeLargeSurvey.ts) of that many respondents, for `ipindex estimate DIR`.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateSample, SAMPLE_OPTIONS } from './generateSample.ts';
import { readSampleInputs } from './readSampleInputs.ts';
import { sampleFiles } from './sampleFiles.ts';
import { sampleInstitutions } from './sampleInstitutions.ts';
import { sampleRegister } from './sampleRegister.ts';
import { sampleSurvey } from './sampleSurvey.ts';
import { writeSample } from './writeSample.ts';
import { writeDataDirectory } from './writeDataDirectory.ts';
import { writeLargeSurvey } from './writeLargeSurvey.ts';

// The regions and codebook always come from the repository's data/, whatever --out says.
const INPUT_DIR = fileURLToPath(new URL('../../data/', import.meta.url));

async function main(argv: string[]): Promise<number> {
  let seed = SAMPLE_OPTIONS.seed;
  let out = 'data';
  let directory: { level: 'province' | 'prefecture'; years: number | null; records: number } | null = null;
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        seed: { type: 'string' },
        out: { type: 'string' },
        level: { type: 'string' },
        years: { type: 'string' },
        records: { type: 'string' },
        respondents: { type: 'string' },
      },
      strict: true,
    });
    if (values.seed !== undefined) {
      seed = Number(values.seed);
      if (!Number.isInteger(seed)) {
        throw new Error(`--seed must be an integer, got "${values.seed}"`);
      }
    }
    if (values.out !== undefined) out = values.out;
    if (values.respondents !== undefined) {
      const respondents = Number(values.respondents.replaceAll('_', ''));
      if (!Number.isInteger(respondents) || respondents < 1)
        throw new Error(`--respondents must be a whole number of at least 1, got "${values.respondents}"`);
      if (values.out === undefined) throw new Error('--respondents writes a survey folder: say where with --out DIR');
      await writeLargeSurvey(out, respondents);
      console.log(
        `wrote ${out}/responses.csv (${respondents} respondents) and ${out}/design.yaml; estimate it with: npx ipindex estimate ${out} --out DIR`,
      );
      return 0;
    }
    if (values.level !== undefined || values.years !== undefined || values.records !== undefined) {
      const level = values.level ?? 'province';
      if (level !== 'province' && level !== 'prefecture') throw new Error(`--level must be province or prefecture, got "${level}"`);
      const count = (name: string, text: string | undefined, min: number) => {
        const n = text === undefined ? null : Number(text.replaceAll('_', ''));
        if (n !== null && (!Number.isInteger(n) || n < min))
          throw new Error(`--${name} must be a whole number of at least ${min}, got "${text}"`);
        return n;
      };
      if (values.out === undefined)
        throw new Error(
          '--level, --years and --records write a whole data directory: say where with --out DIR (data/ holds the committed sample)',
        );
      directory = { level, years: count('years', values.years, 1), records: count('records', values.records, 0) ?? 0 };
    }
  } catch (error) {
    console.error(
      `${(error as Error).message}\nusage: npm run sample -- [--seed N] [--out DIR] [--level province|prefecture --years N --records N] [--respondents N --out DIR]`,
    );
    return 2;
  }
  if (directory !== null) {
    try {
      const written = await writeDataDirectory(INPUT_DIR, out, { ...directory, seed });
      for (const line of written) console.log(line);
      return 0;
    } catch (error) {
      console.error((error as Error).message);
      return 2;
    }
  }

  const { regions, variables } = await readSampleInputs(INPUT_DIR);
  const tables = generateSample(regions, variables, { ...SAMPLE_OPTIONS, seed });
  const files = [
    ...sampleFiles(tables, variables),
    ...sampleSurvey(regions, SAMPLE_OPTIONS.years, seed),
    ...sampleRegister(regions, SAMPLE_OPTIONS.years, seed),
    ...sampleInstitutions(regions, SAMPLE_OPTIONS.years, seed),
  ];
  const paths = await writeSample(files, out);
  files.forEach((file, i) => {
    const rows = file.text.split('\n').length - 2;
    console.log(`wrote ${paths[i]} (${rows} rows, seed ${seed})`);
  });
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
