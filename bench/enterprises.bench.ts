// (6) of `npm run bench`: the enterprise register (issue 15's target): about 200,000
// enterprises, 50,000 certificates and 15 years of outcomes (two measures, 3 million rows),
// read, checked, counted by region and year, and the effect of certification estimated with
// 999 bootstrap replications: the register's stage of a build (bench/enterprisesStage.ts) in a
// fresh process, median of three, with its peak memory. The data is generated once into
// bench/.data/ (git-ignored) by bench/enterprisesData.ts, from the sample generator.
import { access, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { medianBy, megabytes, measureProcess } from './buildProcess.ts';
import { writeBenchRegister } from './enterprisesData.ts';
import type { BenchSection } from './run.ts';

export const order = 6;

const root = fileURLToPath(new URL('../', import.meta.url));

export async function run(): Promise<BenchSection[]> {
  const dir = join(root, 'bench', '.data', 'enterprises-register');
  const counted = join(dir, 'register-rows.json');
  if (
    !(await access(counted).then(
      () => true,
      () => false,
    ))
  )
    await writeFile(counted, JSON.stringify(await writeBenchRegister(dir)));
  const rows = JSON.parse(await readFile(counted, 'utf8')) as Record<string, number>;
  const runs = [];
  for (let i = 0; i < 3; i++) {
    const measured = await measureProcess(process.execPath, ['--import', 'tsx', join(root, 'bench', 'enterprisesStage.ts'), dir], {
      cwd: root,
    });
    if (measured.code !== 0) throw new Error(`the register stage failed: ${measured.stderr}`);
    runs.push({ ...measured, ...(JSON.parse(measured.stdout) as { seconds: number; effectRows: number }) });
  }
  const median = medianBy(runs, (r) => r.seconds);
  const count = (name: string) => (rows[`enterprises/${name}.csv`] ?? 0).toLocaleString('en-US');
  return [
    {
      title: '(6) Enterprise register, the stage of `ipindex build`',
      rows: [
        {
          measure: `${count('enterprises')} enterprises, ${count('certifications')} certificates, ${count('outcomes')} outcome rows (2 measures, 15 years): read and checked, regional counts, event study with 999 bootstrap replications; median of 3`,
          value: `${median.seconds.toFixed(2)} s`,
          note: `runs ${runs.map((r) => r.seconds.toFixed(2)).join(', ')} s, timed inside the process around the stage; peak ${megabytes(median.peakBytes)}; ${median.effectRows} effect rows; target < 5 s (${median.seconds < 5 ? 'met' : 'missed'})`,
        },
      ],
    },
  ];
}
