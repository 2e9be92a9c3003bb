// (5) of `npm run bench`: design-based survey estimation (issue 14's target) on 1 million
// respondents (IPINDEX_BENCH_RESPONDENTS sets another number) in 9,300 strata: totals of four
// columns in 31 provinces with linearised standard errors, `ipindex estimate` end to end in a
// fresh process, median of three, with its peak memory; beside R's survey package (svyby with
// svytotal) on the same file when Rscript and r-cran-survey are installed. The data is
// generated once into bench/.data/ (git-ignored) by src/sample/writeLargeSurvey.ts.
import { execFileSync } from 'node:child_process';
import { access, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { medianBy, megabytes, measureProcess } from './buildProcess.ts';
import type { BenchSection } from './run.ts';
import { writeLargeSurvey } from '../src/sample/writeLargeSurvey.ts';

export const order = 5;

const root = fileURLToPath(new URL('../', import.meta.url));

export async function run(): Promise<BenchSection[]> {
  const respondents = Number(process.env.IPINDEX_BENCH_RESPONDENTS ?? 1_000_000);
  const dir = join(root, 'bench', '.data', `survey-${respondents}`);
  if (
    !(await access(join(dir, 'design.yaml')).then(
      () => true,
      () => false,
    ))
  )
    await writeLargeSurvey(dir, respondents);
  const out = await mkdtemp(join(tmpdir(), 'ipindex-bench-survey-'));
  const runs = [];
  for (let i = 0; i < 3; i++) {
    const measured = await measureProcess(process.execPath, [join(root, 'bin', 'ipindex.js'), 'estimate', dir, '--out', out], {
      cwd: root,
    });
    if (measured.code !== 0) throw new Error(`ipindex estimate failed: ${measured.stderr}`);
    runs.push(measured);
  }
  const median = medianBy(runs, (r) => r.seconds);
  const starts = [];
  for (let i = 0; i < 3; i++)
    starts.push(await measureProcess(process.execPath, [join(root, 'bin', 'ipindex.js'), '--version'], { cwd: root }));
  const startup = medianBy(starts, (r) => r.seconds);
  const rows = [
    {
      measure: `${respondents.toLocaleString('en-US')} respondents, 9,300 strata, 4 totals x 31 provinces with linearised se, ipindex estimate, median of 3`,
      value: `${median.seconds.toFixed(2)} s`,
      note: `runs ${runs.map((r) => r.seconds.toFixed(2)).join(', ')} s; peak ${megabytes(median.peakBytes)}; of which starting the command ${startup.seconds.toFixed(2)} s; targets < 1 s (${median.seconds < 1 ? 'met' : 'missed'}) and < 1 GB (${(median.peakBytes ?? Infinity) < 2 ** 30 ? 'met' : 'missed'})`,
    },
  ];
  const hasR = (() => {
    try {
      execFileSync('Rscript', ['-e', 'suppressMessages(library(survey))'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();
  if (hasR) {
    const script = join(out, 'bench.R');
    await writeFile(
      script,
      `suppressMessages(library(survey))\ns <- read.csv("${join(dir, 'responses.csv')}")\nd <- svydesign(ids = ~1, strata = ~stratum, fpc = ~stratum_population, weights = ~weight, data = s)\nr <- svyby(~employees + rd_expenditure + invention_grants + licensed, ~region_code, d, svytotal, na.rm = TRUE)\n`,
    );
    const r = await measureProcess('Rscript', [script]);
    rows.push({
      measure: 'R survey 4.x on the same file and design (read.csv, svydesign, svyby svytotal)',
      value: `${r.seconds.toFixed(2)} s`,
      note: `peak ${megabytes(r.peakBytes)}; ${r.seconds >= median.seconds ? `ipindex ${(r.seconds / median.seconds).toFixed(1)}x faster` : `R ${(median.seconds / r.seconds).toFixed(1)}x faster`}`,
    });
  } else {
    rows.push({
      measure: 'R survey on the same file',
      value: 'not run',
      note: 'Rscript with the survey package is not installed (apt-get install r-cran-survey)',
    });
  }
  return [{ title: '(5) Survey estimation, `ipindex estimate`', rows }];
}
