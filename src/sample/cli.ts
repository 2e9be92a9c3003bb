/**
 * `npm run sample [-- --seed N --out DIR]`: regenerates the illustrative sample data files.
 * With the defaults it rewrites the committed files in data/ byte for byte.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateSample, SAMPLE_OPTIONS } from './generateSample.ts';
import { readSampleInputs } from './readSampleInputs.ts';
import { sampleFiles } from './sampleFiles.ts';
import { writeSample } from './writeSample.ts';

// The regions and codebook always come from the repository's data/, whatever --out says.
const INPUT_DIR = fileURLToPath(new URL('../../data/', import.meta.url));

async function main(argv: string[]): Promise<number> {
  let seed = SAMPLE_OPTIONS.seed;
  let out = 'data';
  try {
    const { values } = parseArgs({
      args: argv,
      options: { seed: { type: 'string' }, out: { type: 'string' } },
      strict: true,
    });
    if (values.seed !== undefined) {
      seed = Number(values.seed);
      if (!Number.isInteger(seed)) {
        throw new Error(`--seed must be an integer, got "${values.seed}"`);
      }
    }
    if (values.out !== undefined) out = values.out;
  } catch (error) {
    console.error(`${(error as Error).message}\nusage: npm run sample -- [--seed N] [--out DIR]`);
    return 2;
  }

  const { regions, variables } = await readSampleInputs(INPUT_DIR);
  const tables = generateSample(regions, variables, { ...SAMPLE_OPTIONS, seed });
  const files = sampleFiles(tables, variables);
  const paths = await writeSample(files, out);
  files.forEach((file, i) => {
    const rows = file.text.split('\n').length - 2;
    console.log(`wrote ${paths[i]} (${rows} rows, seed ${seed})`);
  });
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
