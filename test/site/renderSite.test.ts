import { access, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { main } from '../../src/cli/cli.ts';
import { routePath, type RenderResult } from '../../src/site/renderPages.ts';
import { siteProblems } from '../../src/site/siteProblems.ts';

const share = (result: Partial<RenderResult>): RenderResult => ({ pages: [], outside: [], ids: {}, fragments: [], failed: [], ...result });
const exists = (files: string[]) => async (path: string) => files.includes(path);

describe('rendering the pages from the compiled app', () => {
  test.each([
    ['/[[lang]]', {}, '/'],
    ['/[[lang]]', { lang: 'en' }, '/en/'],
    ['/[[lang]]/region/[code]', { lang: '', code: '110000' }, '/region/110000/'],
    ['/[[lang]]/region/[code]', { lang: 'en', code: '110000' }, '/en/region/110000/'],
    ['/[[lang]]/methodology', {}, '/methodology/'],
  ])('the page of route %s with %o is %s', (id, params, path) => {
    expect(routePath(id, params)).toBe(path);
  });

  test('a route is never given a page without its required parameter', () => {
    expect(() => routePath('/[[lang]]/region/[code]', { lang: 'en' })).toThrow('route /[[lang]]/region/[code] needs the parameter code');
  });

  test('links between the two languages, to the app and to data/ are whole; the rest is named', async () => {
    const zh = share({
      pages: ['/', '/region/1/'],
      ids: { '/': ['table'], '/region/1/': [] },
      outside: [
        ['/en/', '/'],
        ['/data/scores.csv', '/'],
        ['/favicon.svg', '/'],
        ['/en/region/2/', '/region/1/'],
        ['/data/gone.csv', '/'],
      ],
      fragments: [
        ['/#table', '/region/1/'],
        ['/#top', '/region/1/'],
        ['/#nowhere', '/region/1/'],
      ],
    });
    const en = share({
      pages: ['/en/'],
      failed: [{ path: '/en/region/9/', status: 404, from: '/en/', message: 'Not found' }],
    });
    expect(await siteProblems([zh, en], exists(['/data/scores.csv', '/favicon.svg']))).toEqual([
      '/en/region/9/ answered 404 (linked from /en/): Not found',
      '/en/region/2/ (linked from /region/1/) does not exist',
      '/data/gone.csv (linked from /) does not exist',
      '/region/1/ links to /#nowhere, but / has no element with id="nowhere"',
    ]);
  });

  test('ipindex build writes every page in both languages with its policy and charts, and compiles the app once', async () => {
    const work = await mkdtemp(join(tmpdir(), 'ipindex-render-'));
    const lines: string[] = [];
    for (const out of ['a', 'b']) {
      expect(
        await main(
          ['build', 'test/fixtures/tiny', '--out', join(work, out)],
          (line) => lines.push(line),
          () => {},
        ),
      ).toBe(0);
    }
    const site = lines.filter((line) => line.startsWith('  site'));
    // The tiny fixture: 3 regions and 4 indicators over 2 years; in each language an overview, 2
    // year pages, 3 region pages, 4 indicator pages, compare, methodology, downloads, report, the
    // enterprise IP management page (which says there is no register) and the institutions'
    // transfer page (which says there are no reports): 16.
    for (const line of site) expect(line).toMatch(/ 32 pages, 2 years/);
    // Whether the first build compiled depends on the tests before it; the second never does.
    expect(site[1]).not.toContain('compiled');
    for (const page of ['region/110000', 'en/region/110000', 'en/indicator/rd_intensity', 'year/2020']) {
      const html = await readFile(join(work, 'b', page, 'index.html'), 'utf8');
      expect(html).toContain(page.startsWith('en/') ? '<html lang="en"' : '<html lang="zh-CN"');
      expect(html).toMatch(/<meta http-equiv="content-security-policy" content="[^"]*script-src 'self' 'sha256-/);
      // Every chart in its place (src/routes/chartSlots.server.ts), none left as a placeholder.
      expect(html).toMatch(/<figure class="chart[^"]*"><figcaption>[^<]*<\/figcaption>\s*<div class="chart-scroll">\s*<!--[^>]*--><svg /);
      expect(html).not.toContain('<!--ipindex-chart:');
      // Links load their page (src/app.html): no data files for navigation within the browser.
      expect(
        await access(join(work, 'b', page, '__data.json')).then(
          () => true,
          () => false,
        ),
      ).toBe(false);
    }
  });
});
