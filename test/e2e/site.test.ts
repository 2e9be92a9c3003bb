import { execFileSync } from 'node:child_process';
import { access, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { parse } from 'csv-parse/sync';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { siteWeight } from '../../bench/siteWeight.ts';
import { main } from '../../src/cli/cli.ts';
import { buildHostileSample, formulaName, hostileName } from './buildHostileSample.ts';
import { launchChromium } from './launchChromium.ts';
import { layoutProblems } from './layoutProblems.ts';
import { serveFolder } from './serveFolder.ts';

// The built site of the bundled sample (Tibet renamed to markup and to a formula), served under
// a sub-path on localhost and driven in the system Chromium.
let browser: Browser;
let out: string;
let base: string;
let close: () => Promise<void>;

beforeAll(async () => {
  browser = await launchChromium();
  out = await buildHostileSample();
  ({ url: base, close } = await serveFolder(out, '/reports/ipindex/'));
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await close?.();
  if (out) await rm(dirname(out), { recursive: true, force: true });
});

type Visit = { page: Page; errors: string[]; outside: string[]; failed: string[]; dialogs: string[] };

/** Opens a page of the report, recording console errors, failed and outside requests and dialogs. */
async function visit(path: string): Promise<Visit> {
  const page = await browser.newPage();
  const visit: Visit = { page, errors: [], outside: [], failed: [], dialogs: [] };
  const origin = new URL(base).origin;
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin)) return route.continue();
    visit.outside.push(url);
    return route.abort();
  });
  page.on('console', (message) => {
    if (message.type() === 'error') visit.errors.push(message.text());
  });
  page.on('pageerror', (error) => visit.errors.push(error.message));
  page.on('response', (response) => {
    if (response.status() >= 400) visit.failed.push(`${response.status()} ${response.url()}`);
  });
  page.on('dialog', (dialog) => {
    visit.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(base + path, { waitUntil: 'networkidle' });
  return visit;
}

const pageTypes = [
  { path: '', lang: 'zh-CN', heading: /2024年 综合指数/ },
  { path: 'en/', lang: 'en', heading: /Index 2024/ },
  { path: 'year/2019/', lang: 'zh-CN', heading: /2019年 综合指数/ },
  { path: 'region/110000/', lang: 'zh-CN', heading: /北京市/ },
  { path: 'en/region/540000/', lang: 'en', heading: /HYPERLINK/ },
  { path: 'indicator/rd_intensity/', lang: 'zh-CN', heading: /R&D经费投入强度/ },
  { path: 'en/indicator/high_value_per_10k/', lang: 'en', heading: /High-value invention patents/ },
  { path: 'compare/?r=110000,440000', lang: 'zh-CN', heading: /地区比较/ },
  { path: 'methodology/', lang: 'zh-CN', heading: /方法与数据质量/ },
  { path: 'en/downloads/', lang: 'en', heading: /Downloads/ },
  { path: 'report/', lang: 'zh-CN', heading: /知识产权引领的创新驱动发展评价/ },
  { path: 'accounts/', lang: 'zh-CN', heading: /知识产权产品核算/ },
  { path: 'en/accounts/110000/', lang: 'en', heading: /Beijing/ },
  { path: 'survey/enterprise_ip/', lang: 'zh-CN', heading: /抽样调查：enterprise_ip（2024年）/ },
  { path: 'en/survey/enterprise_ip/', lang: 'en', heading: /Survey: enterprise_ip \(2024\)/ },
  { path: 'enterprises/', lang: 'zh-CN', heading: /企业知识产权管理/ },
  { path: 'institutions/', lang: 'zh-CN', heading: /高等学校和科研机构知识产权转移转化/ },
  { path: 'en/institutions/', lang: 'en', heading: /IP transfer and transformation of universities/ },
];

describe('every page type', () => {
  test.each(pageTypes)('$path loads with no console error and no request leaving the site', async ({ path, lang, heading }) => {
    const { page, errors, outside, failed } = await visit(path);
    expect(await page.locator('h1').first().textContent()).toMatch(heading);
    expect(await page.getAttribute('html', 'lang')).toBe(lang);
    // The sample-data banner is on every page.
    expect(await page.getByRole('note').first().textContent()).toMatch(/示例数据|Sample data/);
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    expect(failed).toEqual([]);
    await page.close();
  });

  test.each(pageTypes)('$path has no serious or critical accessibility violation (axe)', async ({ path }) => {
    const { page } = await visit(path);
    // Evaluated through the DevTools protocol, which the page's Content-Security-Policy does not govern.
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      const result = await (
        window as unknown as {
          axe: { run: () => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> };
        }
      ).axe.run();
      return result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map(
          (v) =>
            `${v.id}: ${v.nodes
              .slice(0, 3)
              .map((n) => n.target.join(' '))
              .join(', ')}`,
        );
    });
    expect(violations).toEqual([]);
    await page.close();
  });

  test('each page carries a Content-Security-Policy that allows no inline script but its own', async () => {
    const html = await readFile(join(out, 'index.html'), 'utf8');
    const policy = html.match(/http-equiv="content-security-policy" content="([^"]+)"/)?.[1] ?? '';
    const scripts =
      policy
        .split(';')
        .map((d) => d.trim())
        .find((d) => d.startsWith('script-src')) ?? '';
    expect(scripts).toMatch(/^script-src 'self' 'sha256-/);
    expect(scripts).not.toContain('unsafe-inline');
    expect(policy).toContain("default-src 'self'");
  });

  test('every page type is reached from the overview in at most two clicks, through its links', async () => {
    // The links of a page as a reader finds them in its HTML (no script needed), within the site.
    const links = async (url: string): Promise<string[]> => {
      const html = await (await fetch(url)).text();
      return [...html.matchAll(/<a\b[^>]*\shref="([^"#]*)(?:#[^"]*)?"/g)]
        .map((m) => new URL(m[1]!.replaceAll('&amp;', '&'), url))
        .filter((u) => u.href.startsWith(base) && u.pathname.endsWith('/'))
        .map((u) => u.origin + u.pathname);
    };
    const typeOf = (url: string) => url.slice(base.length).replace(/^en\//, '').split('/')[0] || 'overview';
    const first = [...new Set(await links(base))];
    const second = new Set(first);
    for (const url of first) for (const link of await links(url)) second.add(link);
    const reached = new Set([...second].map(typeOf));
    for (const type of [
      'overview',
      'year',
      'region',
      'indicator',
      'compare',
      'methodology',
      'downloads',
      'report',
      'accounts',
      'survey',
      'enterprises',
      'institutions',
    ])
      expect(reached, type).toContain(type);
    // The ranking chart's bars lead to the regions, a dimension's header to its indicators.
    expect(first).toContain(`${base}region/110000/`);
    const overview = await (await fetch(base)).text();
    expect(overview).toMatch(/<a [^>]*href="[^"]*region\/110000\/"[^>]*><rect[^>]*><title>北京市 /);
    expect(overview).toMatch(/href="[^"]*methodology\/#node-creation"/);
  });

  test('every page is within 150 KB gzipped on a first visit', async () => {
    const weights = await siteWeight(out);
    expect(weights.length).toBeGreaterThan(100);
    expect(weights.filter((w) => w.gzipped > 150 * 1024).map((w) => w.page)).toEqual([]);
  });
});

describe('what a reader does', () => {
  test('a name from the CSV shows as text, never as markup', async () => {
    const { page, dialogs } = await visit('');
    await expect.poll(() => page.getByRole('link', { name: hostileName }).count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.querySelectorAll('img').length)).toBe(0);
    expect(dialogs).toEqual([]);
    await page.close();
  });

  test('the ranking table sorts by a column, both ways, from the keyboard too', async () => {
    const { page } = await visit('');
    const table = page.locator('section[aria-labelledby="table"] table');
    const firstRegion = () => table.locator('tbody tr').first().locator('th').textContent();
    expect(await firstRegion()).toBe('北京市');
    const header = table.getByRole('button', { name: '指数' });
    await header.click();
    expect(await table.locator('th[aria-sort]').getAttribute('aria-sort')).toBe('ascending');
    // The lowest index of the latest year, as scores.csv gives it.
    const scores = parse(await readFile(join(out, 'data', 'scores.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    const latest = scores.filter((s) => s.node === 'index' && s.year === '2024').sort((a, b) => Number(a.score) - Number(b.score))[0];
    const regions = parse(await readFile('data/regions.csv', 'utf8'), { columns: true }) as Record<string, string>[];
    expect(await firstRegion()).toBe(regions.find((r) => r.region_code === latest?.region_code)?.name_zh);
    await header.focus();
    await page.keyboard.press('Enter');
    expect(await table.locator('th[aria-sort]').getAttribute('aria-sort')).toBe('descending');
    expect(await firstRegion()).toBe('北京市');
    await page.close();
  });

  test('the language switch leads to the same page in the other language', async () => {
    const { page, errors } = await visit('region/110000/');
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL(`${base}en/region/110000/`);
    expect(await page.locator('h1').textContent()).toMatch(/^Beijing/);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.getByRole('link', { name: '中文' }).click();
    await page.waitForURL(`${base}region/110000/`);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(errors).toEqual([]);
    await page.close();
  });

  test('what-if weights re-rank the regions, and reset brings back the official order', async () => {
    const { page } = await visit('');
    const section = page.locator('section[aria-labelledby="whatif"]');
    const order = () => section.locator('tbody th').allTextContents();
    const official = await order();
    const sliders = section.getByRole('slider');
    const count = await sliders.count();
    expect(count).toBe(7);
    // Everything on IP protection alone.
    for (let i = 0; i < count; i++) {
      const slider = sliders.nth(i);
      await slider.focus();
      await page.keyboard.press((await slider.getAttribute('aria-label'))?.includes('知识产权保护') ? 'End' : 'Home');
    }
    await expect.poll(order).not.toEqual(official);
    expect(await section.locator('.whatif-status').textContent()).toMatch(/个地区的排名发生变化/);
    // Every weight at zero: no index, and the status says so.
    for (let i = 0; i < count; i++) {
      await sliders.nth(i).focus();
      await page.keyboard.press('Home');
    }
    await expect.poll(() => section.locator('.whatif-status').textContent()).toMatch(/所有维度的权重都为零，无法计算指数/);
    await section.getByRole('button', { name: '恢复官方权重' }).click();
    await expect.poll(order).toEqual(official);
    await page.close();
  });

  test('compare opens with the top three of the ranking, their end labels apart', async () => {
    const ranking = parse(await readFile(join(out, 'data', 'ranking.csv'), 'utf8'), { columns: true }) as {
      year: string;
      region_code: string;
      rank: string;
    }[];
    const latest = Math.max(...ranking.map((r) => Number(r.year)));
    const top = ranking
      .filter((r) => Number(r.year) === latest && r.rank !== '')
      .sort((a, b) => Number(a.rank) - Number(b.rank))
      .slice(0, 3)
      .map((r) => r.region_code);
    const { page } = await visit('compare/');
    await page.waitForURL(new RegExp(`\\?r=${top.join('(%2C|,)')}$`));
    for (const code of top) await expect.poll(() => page.locator(`g.series.r-${code}`).getAttribute('class')).toContain('chosen');
    // The chosen regions' names at the ends of their lines never overlap (dodged apart).
    const boxes = (
      await page
        .locator('g.end-label.chosen text')
        .evaluateAll((texts) => texts.map((t) => t.getBoundingClientRect()).map((b) => [b.top, b.bottom]))
    ).sort((a, b) => a[0]! - b[0]!);
    expect(boxes.length).toBe(3);
    for (let i = 1; i < boxes.length; i++) expect(boxes[i]![0]!).toBeGreaterThanOrEqual(boxes[i - 1]![1]! - 0.5);
    await page.close();
  });

  test('compare keeps the chosen regions in the address, so that the link reopens them', async () => {
    const { page } = await visit('compare/?r=');
    await page.getByRole('checkbox', { name: '北京市' }).check();
    await page.getByRole('checkbox', { name: '上海市' }).check();
    await page.waitForURL(/\?r=110000%2C310000$|\?r=110000,310000$/);
    const link = page.url();
    // The other language keeps the choice too.
    await expect
      .poll(() => page.getByRole('link', { name: 'English' }).getAttribute('href'))
      .toMatch(/en\/compare\/\?r=110000(%2C|,)310000$/);
    const again = await visit(link.slice(base.length));
    expect(await again.page.getByRole('checkbox', { name: '北京市' }).isChecked()).toBe(true);
    expect(await again.page.getByRole('checkbox', { name: '上海市' }).isChecked()).toBe(true);
    expect(await again.page.locator('thead').first().textContent()).toMatch(/北京市.*上海市/);
    expect(await again.page.locator('g.series.r-310000').getAttribute('class')).toContain('chosen');
    await page.close();
    await again.page.close();
  });

  test('links work under a sub-path, also after navigating in the browser', async () => {
    const { page, failed, errors } = await visit('en/region/440000/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Methodology and data quality' }).click();
    await page.waitForURL(`${base}en/methodology/`);
    await page.getByRole('link', { name: 'R&D intensity' }).first().click();
    await page.waitForURL(`${base}en/indicator/rd_intensity/`);
    await page.getByRole('link', { name: 'Guangdong' }).first().click();
    await page.waitForURL(`${base}en/region/440000/`);
    // The page reached by a link has its charts (drawn at build time, not in the page data).
    expect(await page.locator('figure.chart .chart-scroll > svg').count()).toBe(2);
    expect(await page.locator('h1').textContent()).toMatch(/^Guangdong/);
    expect(failed).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('the print stylesheet leaves out the controls', async () => {
    const { page } = await visit('');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-nav').isVisible()).toBe(false);
    expect(await page.locator('section[aria-labelledby="whatif"]').isVisible()).toBe(false);
    expect(await page.locator('section[aria-labelledby="ranking"] svg').first().isVisible()).toBe(true);
    await page.close();
  });
});

// Desktop and phone, both languages: every page type readable at the width of the screen.
describe('layout at 1366 and 390 px', () => {
  test.each([1366, 390])(
    'at %i px no page is wider than the screen, nothing is cut off without a cue, no text is under 11 px',
    async (width) => {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      const found: string[] = [];
      for (const { path } of pageTypes) {
        await page.goto(base + path, { waitUntil: 'networkidle' });
        for (const problem of await layoutProblems(page)) found.push(`${path || '/'}: ${problem}`);
      }
      expect(found).toEqual([]);
      await page.close();
    },
    120_000,
  );

  test('a phone gets the trend charts drawn for its width (fewer years marked), a desktop the wide ones', async () => {
    for (const [width, shown, hidden] of [
      [390, '.chart-narrow', '.chart-wide'],
      [1366, '.chart-wide', '.chart-narrow'],
    ] as const) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      await page.goto(`${base}region/110000/`, { waitUntil: 'networkidle' });
      const trend = page.locator('section[aria-labelledby="trend"]');
      expect(await trend.locator(`${shown} svg`).isVisible(), `${width}px`).toBe(true);
      expect(await trend.locator(`${hidden} svg`).isVisible(), `${width}px`).toBe(false);
      const years = (await trend.locator(`${shown} svg text`).allTextContents()).filter((t) => /^\d{4}$/.test(t.trim())).length;
      if (width === 390) expect(years).toBeLessThanOrEqual(6);
      await page.close();
    }
  });
});

describe('downloads', () => {
  test('a name that is a formula is exported as text; the Arrow file holds the same rows', async () => {
    const csv = await readFile(join(out, 'data', 'ranking.csv'), 'utf8');
    expect(csv).toContain(`"'${formulaName.replaceAll('"', '""')}"`);
    const arrow = tableFromIPC(await readFile(join(out, 'data', 'ranking.arrow')));
    expect(arrow.numRows).toBe(csv.trim().split('\n').length - 1);
    await expect(access(join(out, 'data', 'ipindex.xlsx'))).resolves.toBeUndefined();
  });
});

/** A poppler-utils command's output; without poppler, an error saying how to install it. */
function poppler(command: string, args: string[]): string {
  try {
    return execFileSync(command, args, { encoding: 'utf8' });
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT')
      throw new Error(`${command} is not installed: apt-get install poppler-utils (.ci/run installs it)`);
    throw error;
  }
}

describe('ipindex pdf', () => {
  test('writes out/report.pdf with every section of the report', async () => {
    const lines: string[] = [];
    const code = await main(
      ['pdf', out],
      (line) => lines.push(line),
      (line) => lines.push(line),
    );
    expect(code, lines.join('\n')).toBe(0);
    const pdf = await readFile(join(out, 'report.pdf'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const titles = outlineTitles(pdf);
    for (const section of [
      '一、全国概况',
      '二、综合指数排名',
      '三、各地区概况',
      '北京市 Beijing',
      '附录一 指标',
      '附录二 国民账户中的知识产权产品',
      '附录三 数据质量',
      '附录四 方法与数据来源',
    ])
      expect(titles).toContain(section);
    const file = join(out, 'report.pdf');
    // A cover, the contents, then a page per region at least (31 provinces).
    const pages = Number(/Pages:\s+(\d+)/.exec(poppler('pdfinfo', [file]))?.[1]);
    expect(pages).toBeGreaterThan(2 + 31);
    // The contents gives each region's page, and that page is its profile.
    const contents = poppler('pdftotext', ['-layout', '-f', '2', '-l', '2', file, '-']);
    for (const region of ['北京市', '上海市', '辽宁省']) {
      const at = Number(new RegExp(`${region}\\s+(\\d+)`).exec(contents)?.[1]);
      const onPage = poppler('pdftotext', ['-f', String(at), '-l', String(at), file, '-']);
      expect(onPage, `${region} on page ${at}`).toMatch(new RegExp(`${region}[\\s\\S]*优势[\\s\\S]*短板`));
    }
    // Every page drawn to an image has something on it (a blank page is a few hundred bytes at this size).
    const images = await mkdtemp(join(tmpdir(), 'ipindex-pdf-pages-'));
    poppler('pdftoppm', ['-r', '20', '-gray', '-png', file, join(images, 'page')]);
    const sizes = await Promise.all((await readdir(images)).map(async (f) => (await stat(join(images, f))).size));
    expect(sizes.length).toBe(pages);
    expect(sizes.filter((size) => size < 1000)).toEqual([]);
    await rm(images, { recursive: true, force: true });
    // Its fonts are embedded outlines (pdffonts, from poppler-utils: .ci/run installs it), never Type 3 bitmaps.
    const fonts = poppler('pdffonts', [join(out, 'report.pdf')])
      .split('\n')
      .slice(2)
      .filter((l) => l.trim() !== '');
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((l) => /\bType 3\b/.test(l))).toEqual([]);
    expect(fonts.filter((l) => !/\byes\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.test(l))).toEqual([]);
    // Print has no interactive wording: nothing to click, select or hover on paper.
    const text = poppler('pdftotext', [join(out, 'report.pdf'), '-']);
    expect(text).toContain('综合指数');
    expect(text.match(/点击|单击|悬停|Select a|Click|hover/g) ?? []).toEqual([]);
  });

  test('prints the English edition to out/report-en.pdf, in English words and units', async () => {
    const lines: string[] = [];
    expect(
      await main(
        ['pdf', out, '--lang', 'en'],
        (line) => lines.push(line),
        (line) => lines.push(line),
      ),
      lines.join('\n'),
    ).toBe(0);
    const file = join(out, 'report-en.pdf');
    const titles = outlineTitles(await readFile(file));
    for (const section of ['1. National summary', '3. Region profiles', 'Annex 4. Method and sources']) expect(titles).toContain(section);
    const text = poppler('pdftotext', [file, '-']);
    expect(text).toContain('Strengths');
    expect(text.match(/件\/万人|点击|Click|hover/g) ?? []).toEqual([]);
    expect(
      poppler('pdffonts', [file])
        .split('\n')
        .filter((l) => /\bType 3\b/.test(l)),
    ).toEqual([]);
  });

  test('says how to install Chromium when there is none, and exits with 1', async () => {
    const lines: string[] = [];
    const saved = process.env.IPINDEX_CHROMIUM;
    process.env.IPINDEX_CHROMIUM = join(out, 'no-such-browser');
    try {
      const code = await main(
        ['pdf', out],
        (line) => lines.push(line),
        (line) => lines.push(line),
      );
      expect(code).toBe(1);
    } finally {
      if (saved === undefined) delete process.env.IPINDEX_CHROMIUM;
      else process.env.IPINDEX_CHROMIUM = saved;
    }
    expect(lines.join('\n')).toContain('apt-get install chromium');
    await expect(access(join(out, 'no-such-browser'))).rejects.toThrow();
  });
});

const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The titles of a PDF's outline (bookmarks), as Chromium writes them: literal or UTF-16 hex strings. */
function outlineTitles(pdf: Buffer): string[] {
  const text = pdf.toString('latin1');
  return [...text.matchAll(/\/Title\s*(?:<([0-9A-Fa-f]+)>|\(((?:\\.|[^\\)])*)\))/g)].map(([, hex, literal]) => {
    if (hex !== undefined) {
      const bytes = Buffer.from(hex, 'hex');
      return bytes[0] === 0xfe && bytes[1] === 0xff ? bytes.subarray(2).swap16().toString('utf16le') : bytes.toString('latin1');
    }
    return (literal ?? '').replace(/\\(.)/g, '$1');
  });
}
