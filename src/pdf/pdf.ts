import { access, constants, stat, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { delimiter, join } from 'node:path';
import { chromium } from 'playwright-core';
import sirv from 'sirv';
import type { Lang } from '../lib/report.ts';
import { pdfDestinations } from './pdfDestinations.ts';

/** Raised when no Chromium is installed: the PDF needs the system's browser, ipindex downloads none. */
export class ChromiumNotFound extends Error {
  constructor() {
    super(
      'no Chromium found to print the PDF with: install it (Debian or Ubuntu: apt-get install chromium) or set IPINDEX_CHROMIUM to the path of a Chromium or Chrome',
    );
  }
}

const browserNames = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/** The system Chromium: IPINDEX_CHROMIUM if set, else the first of the usual names on the PATH; null if none. */
export async function findChromium(env: NodeJS.ProcessEnv = process.env): Promise<string | null> {
  const isExecutable = (file: string) =>
    access(file, constants.X_OK).then(
      () => stat(file).then((s) => s.isFile()),
      () => false,
    );
  if (env.IPINDEX_CHROMIUM) return (await isExecutable(env.IPINDEX_CHROMIUM)) ? env.IPINDEX_CHROMIUM : null;
  for (const name of browserNames) {
    for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
      if (await isExecutable(join(dir, name))) return join(dir, name);
    }
  }
  return null;
}

/** The flags every headless run of the system Chromium uses: no sandbox (containers), no calls home. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/** The running head and foot of every printed page: the report's title, the page number. A TrueType CJK face, as in print (site.css). */
const runningFont = "font-family:'DejaVu Sans','WenQuanYi Micro Hei',sans-serif;font-size:7.5pt;color:#444";
const headerTemplate = `<div style="${runningFont};width:100%;margin:0 12mm;border-bottom:0.5pt solid #999;padding-bottom:1mm"><span class="title"></span></div>`;
const footerTemplate = `<div style="${runningFont};width:100%;text-align:center"><span class="pageNumber"></span> / <span class="totalPages"></span></div>`;

/**
 * Prints the full-report page of a built report (`report/`: cover, contents, chapters, a page
 * per region, annexes) to `<dir>/report.pdf` on A4 with the print stylesheet, through the
 * system Chromium, serving the folder on a private localhost port meanwhile. Printed twice: the
 * first print says on which page each chapter and region begins (its named destinations:
 * pdfDestinations.ts), which the contents then shows; again if that moved a page. Throws
 * ChromiumNotFound when there is none.
 */
export async function writePdf(
  dir: string,
  options: { lang?: Lang; chromium?: string | null } = {},
): Promise<{ file: string; bytes: number }> {
  const executablePath = options.chromium === undefined ? await findChromium() : options.chromium;
  if (executablePath === null) throw new ChromiumNotFound();
  const handler = sirv(dir, { dev: true });
  const server: Server = createServer((req, res) =>
    handler(req, res, () => {
      res.statusCode = 404;
      res.end();
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const browser = await chromium.launch({ executablePath, args: chromiumArgs });
  try {
    const { port } = server.address() as AddressInfo;
    const page = await browser.newPage();
    const response = await page.goto(`http://127.0.0.1:${port}/${options.lang === 'en' ? 'en/' : ''}report/`, { waitUntil: 'load' });
    if (!response?.ok()) throw new Error(`${dir} has no full-report page (report/): build it again with this version of ipindex`);
    const file = join(dir, options.lang === 'en' ? 'report-en.pdf' : 'report.pdf');
    const print = () =>
      page.pdf({
        format: 'A4',
        printBackground: true,
        outline: true,
        tagged: true,
        displayHeaderFooter: true,
        headerTemplate,
        footerTemplate,
        margin: { top: '18mm', bottom: '15mm', left: '12mm', right: '12mm' },
      });
    let pdf = await print();
    for (let pass = 0; pass < 3; pass++) {
      const pages = Object.fromEntries(pdfDestinations(pdf));
      const changed = await page.evaluate((pages) => {
        let changed = false;
        for (const entry of document.querySelectorAll<HTMLElement>('.toc-page[data-dest]')) {
          const text = String(pages[entry.dataset.dest ?? ''] ?? '');
          if (entry.textContent !== text) changed = true;
          entry.textContent = text;
        }
        return changed;
      }, pages);
      if (!changed) break;
      pdf = await print();
    }
    await writeFile(file, pdf);
    return { file, bytes: pdf.length };
  } finally {
    await browser.close();
    server.close();
  }
}
