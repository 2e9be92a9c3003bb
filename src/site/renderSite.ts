import { access, cp, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { compiledApp } from './compiledApp.ts';
import type { RenderResult, RenderTask } from './renderPages.ts';
import { siteProblems } from './siteProblems.ts';

export type SiteOptions = {
  /** Where the pages and the app's scripts and styles go. */
  siteDir: string;
  /** The pipeline's results as JSON (src/report/assembleReport.ts). */
  reportPath: string;
  /** The folder that becomes the site's data/, and a promise settled when it is complete. */
  dataDir: string;
  dataReady: Promise<unknown>;
};

/**
 * Writes the static site: the compiled app's client files, then every page in both languages,
 * rendered by two worker threads (Chinese and English) from the report. Then checks every link
 * of every page: to a page written, a file of the app or a file of data/, and every #fragment to
 * an element of its page; a broken link fails the build, as SvelteKit's prerenderer would.
 */
export async function renderSite(options: SiteOptions): Promise<{ pages: number; compiled: boolean }> {
  const { output, compiled } = await compiledApp(options.reportPath);
  // .vite/ holds Vite's own manifest of the build, not part of the site.
  await cp(join(output, 'client'), options.siteDir, { recursive: true, filter: (source) => basename(source) !== '.vite' });
  const { size } = await stat(options.reportPath);
  const shares = await Promise.all(
    (['zh', 'en'] as const).map((share) => renderShare({ output, siteDir: options.siteDir, share }, options.reportPath, size)),
  );
  await options.dataReady;

  const exists = (path: string) => {
    const file = path.startsWith('/data/') ? join(options.dataDir, path.slice('/data/'.length)) : join(options.siteDir, path);
    return access(file).then(
      () => true,
      () => false,
    );
  };
  const problems = await siteProblems(shares, exists);
  if (problems.length > 0)
    throw new Error(`the site has ${problems.length} broken link(s) or page(s):\n${problems.slice(0, 20).join('\n')}`);
  return { pages: shares.reduce((n, s) => n + s.pages.length, 0), compiled };
}

/** One share of the pages, in a worker thread whose environment names this build's report. */
function renderShare(task: RenderTask, reportPath: string, reportBytes: number): Promise<RenderResult> {
  return new Promise((resolve, reject) => {
    // Compiled (lib/), the worker is JavaScript beside this file; from the sources (tests,
    // development), it is TypeScript, which the worker loads after registering tsx's loader.
    const compiled = import.meta.url.endsWith('.js');
    const entry = new URL(compiled ? './renderWorker.js' : './renderWorker.ts', import.meta.url);
    // tsx is resolved here, from this file: an eval'd worker would resolve it from the working
    // directory, which need not be the project's (a build run from elsewhere).
    const tsx = compiled ? '' : import.meta.resolve('tsx/esm/api');
    const source = compiled
      ? entry
      : `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`;
    const worker = new Worker(source, {
      eval: !compiled,
      workerData: task,
      env: { ...process.env, IPINDEX_REPORT: reportPath },
      // V8 lets a heap grow far past what it holds before collecting; a limit in proportion to
      // the report (parsed, it takes several times its size) keeps the build's memory down at
      // no measurable cost in time.
      resourceLimits: { maxOldGenerationSizeMb: 64 + 10 * Math.ceil(reportBytes / 2 ** 20), maxYoungGenerationSizeMb: 64 },
    });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the ${task.share} pages' renderer stopped with exit code ${code}`));
    });
  });
}
