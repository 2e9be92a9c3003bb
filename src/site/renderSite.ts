import { access, cp, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { startWorker, workerResult } from '../lib/startWorker.ts';
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
    (['zh', 'en'] as const).map((share) => {
      const worker = startWorker(import.meta.url, './renderWorker.ts', {
        workerData: { output, siteDir: options.siteDir, share } satisfies RenderTask,
        env: { ...process.env, IPINDEX_REPORT: options.reportPath },
        resourceLimits: {
          // V8 lets a heap grow far past what it holds before collecting; a limit in proportion
          // to the report (parsed, it takes several times its size) keeps the build's memory
          // down at no measurable cost in time.
          maxOldGenerationSizeMb: 64 + 10 * Math.ceil(size / 2 ** 20),
          // Larger than V8's default for a worker: a page's objects live across the few pages
          // rendered at once, and with 16 MB most were copied out of it (at prefecture level
          // 3.3 s of scavenging per renderer; 2.2 s with 64 MB, measured with --trace-gc).
          maxYoungGenerationSizeMb: 64,
        },
      });
      return workerResult<RenderResult>(worker, `the ${share} pages' renderer`);
    }),
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
