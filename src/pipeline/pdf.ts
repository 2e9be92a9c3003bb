import { access, constants, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { delimiter, join } from 'node:path';
import { chromium } from 'playwright-core';
import sirv from 'sirv';
import type { Lang } from '../lib/report.ts';

/** Raised when no Chromium is installed: the PDF needs the system's browser, ipindex downloads none. */
export class ChromiumNotFound extends Error {
  constructor() {
    super('no Chromium found to print the PDF with: install it (Debian or Ubuntu: apt-get install chromium) or set IPINDEX_CHROMIUM to the path of a Chromium or Chrome');
  }
}

const browserNames = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/** The system Chromium: IPINDEX_CHROMIUM if set, else the first of the usual names on the PATH; null if none. */
export async function findChromium(env: NodeJS.ProcessEnv = process.env): Promise<string | null> {
  const isExecutable = (file: string) => access(file, constants.X_OK).then(() => stat(file).then((s) => s.isFile()), () => false);
  if (env.IPINDEX_CHROMIUM) return (await isExecutable(env.IPINDEX_CHROMIUM)) ? env.IPINDEX_CHROMIUM : null;
  for (const name of browserNames) {
    for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
      if (await isExecutable(join(dir, name))) return join(dir, name);
    }
  }
  return null;
}

/** The flags every headless run of the system Chromium uses: no sandbox (containers), no calls home. */
export const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

/**
 * Prints the full-report page of a built report (`report/`, every section on one page) to
 * `<dir>/report.pdf` on A4 with the print stylesheet, through the system Chromium, serving the
 * folder on a private localhost port meanwhile. Throws ChromiumNotFound when there is none.
 */
export async function writePdf(dir: string, options: { lang?: Lang; chromium?: string | null } = {}): Promise<{ file: string; bytes: number }> {
  const executablePath = options.chromium === undefined ? await findChromium() : options.chromium;
  if (executablePath === null) throw new ChromiumNotFound();
  const handler = sirv(dir, { dev: true });
  const server: Server = createServer((req, res) => handler(req, res, () => {
    res.statusCode = 404;
    res.end();
  }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const browser = await chromium.launch({ executablePath, args: chromiumArgs });
  try {
    const { port } = server.address() as AddressInfo;
    const page = await browser.newPage();
    const response = await page.goto(`http://127.0.0.1:${port}/${options.lang === 'en' ? 'en/' : ''}report/`, { waitUntil: 'load' });
    if (!response?.ok()) throw new Error(`${dir} has no full-report page (report/): build it again with this version of ipindex`);
    const file = join(dir, 'report.pdf');
    await page.pdf({
      path: file,
      format: 'A4',
      printBackground: true,
      outline: true,
      tagged: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: '<div style="font-size:8px;width:100%;text-align:center"><span class="pageNumber"></span> / <span class="totalPages"></span></div>',
      margin: { top: '15mm', bottom: '15mm', left: '12mm', right: '12mm' },
    });
    return { file, bytes: (await stat(file)).size };
  } finally {
    await browser.close();
    server.close();
  }
}
