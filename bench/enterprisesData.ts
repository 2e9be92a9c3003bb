import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readSampleInputs } from '../src/sample/readSampleInputs.ts';
import { sampleRegister } from '../src/sample/sampleRegister.ts';

const root = fileURLToPath(new URL('../', import.meta.url));

/**
 * Writes the benchmark's data directory for the enterprise register (issue 15's target): the
 * committed sample (data/) with its enterprises/ folder replaced by the sample generator's
 * register made larger, 15 years (2010-2024) of about 200,000 enterprises in the 31 provinces
 * (39 times the sample's enterprises per province) with a lower hazard of certification, so
 * that about 50,000 certificates are issued, and each enterprise's outcomes every year. Seeded:
 * the same bytes every time. Returns the number of rows of each file.
 */
export async function writeBenchRegister(dir: string): Promise<Record<string, number>> {
  await rm(dir, { recursive: true, force: true });
  await cp(join(root, 'data'), dir, { recursive: true });
  await rm(join(dir, 'enterprises'), { recursive: true, force: true });
  await mkdir(join(dir, 'enterprises'));
  const { regions } = await readSampleInputs(join(root, 'data'));
  const years = Array.from({ length: 15 }, (_, i) => 2010 + i);
  const rows: Record<string, number> = {};
  // The target counts enterprises, certificates and outcomes: the clause assessments are left out.
  for (const file of sampleRegister(regions, years, 20261207, { enterprises: 39, hazard: 0.32 }).filter(
    (f) => !f.name.endsWith('assessments.csv'),
  )) {
    await writeFile(join(dir, file.name), file.text);
    rows[file.name] = file.text.split('\n').length - 2;
  }
  return rows;
}
