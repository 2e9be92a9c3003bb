import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { main } from '../../src/cli/cli.ts';
import fc from 'fast-check';
import { kitFile, relativePath, scanLinks } from '../../src/site/scanLinks.ts';

type Crawled = { ids: string[]; hrefs: string[]; invalid: string[] };
// SvelteKit's own crawler, which scanLinks replaces: the reference for every answer below.
const { crawl } = (await import(pathToFileURL(kitFile('src/core/postbuild/crawl.js')).href)) as {
  crawl: (html: string, base: string) => Crawled;
};
const { resolve } = (await import(pathToFileURL(kitFile('src/utils/url.js')).href)) as { resolve: (base: string, path: string) => string };

describe("scanLinks finds what SvelteKit's crawler finds", () => {
  test.each([
    ['links, ids and entities', '<a href="/region/110000/" id="r&amp;1">x</a><a href="../en/?a=1&amp;b=2#top">y</a>'],
    ['a > inside a quoted value', '<a title="a > b" href="/x/">x</a><img alt=\'1 > 0\' src="/favicon.svg">'],
    [
      'scripts, styles, comments and CDATA are not markup',
      '<script>const a = "<a href=\\"/no/\\">";</script><style>a[href="/no2/"]{}</style><!-- <a href="/no3/"> --><![CDATA[<a href="/no4/">]]><a href="/yes/">',
    ],
    ['a script file is not followed', '<script type="module" src="/_app/start.js"></script>'],
    ['bare and single-quoted values, upper-case names', '<A HREF=/bare/ ID=top>x</A><a href=\'/single/\' name="anchor">y</a>'],
    [
      'rel=external, base, meta and srcset',
      '<base href="/en/"><a href="region/" rel="external">x</a><a href="year/">y</a><meta property="og:image" content="/og.png"><img srcset="/a.png 1x, /b.png 2x">',
    ],
    ['an address that cannot be resolved', '<a href="http://[::1">x</a>'],
    ['percent-encoded and Chinese ids', '<h2 id="%E5%8C%97%E4%BA%AC">x</h2><h2 id="北京">y</h2>'],
  ])('%s', (_, html) => {
    expect(scanLinks(html, '/region/110000/')).toEqual(crawl(html, '/region/110000/'));
  });

  test('plain relative paths resolve as the URL parser resolves them; anything else is left to it', () => {
    const segment = fc.constantFrom(
      'region',
      '110000',
      'en',
      '_app',
      'a.b',
      '.well-known',
      'x-y',
      '..',
      '.',
      '',
      '%E5',
      'a b',
      '?q=1',
      '#top',
      'c:d',
    );
    const path = fc.array(segment, { maxLength: 5 }).map((s) => s.join('/'));
    const base = fc
      .array(fc.constantFrom('region', '110000', 'en', 'year', '2020'), { maxLength: 3 })
      .map((s) => `/${s.map((x) => `${x}/`).join('')}`);
    fc.assert(
      fc.property(base, fc.nat(4), path, fc.boolean(), (from, up, rest, slash) => {
        const url = `${'../'.repeat(up)}${rest}${slash ? '/' : ''}`;
        const fast = relativePath(from, url);
        if (fast !== null) expect(fast).toBe(resolve(from, url));
      }),
      { numRuns: 3000 },
    );
    expect(relativePath('/en/region/110000/', '../../../_app/immutable/start.js')).toBe('/_app/immutable/start.js');
    expect(relativePath('/region/1/', '../../../../favicon.svg')).toBe('/favicon.svg');
    expect(relativePath('/region/1/', '../a/./b')).toBeNull();
    expect(relativePath('/region/1/', '?year=2020')).toBeNull();
  });

  describe('on every page of a built report, in both languages', () => {
    let work: string;
    beforeAll(async () => {
      work = await mkdtemp(join(tmpdir(), 'ipindex-scan-'));
      expect(
        await main(
          ['build', 'test/fixtures/tiny', '--out', join(work, 'out')],
          () => {},
          () => {},
        ),
      ).toBe(0);
    });
    afterAll(async () => {
      await rm(work, { recursive: true, force: true });
    });

    test('the same ids and links, in the same order', async () => {
      const pages = (await readdir(join(work, 'out'), { recursive: true })).filter((f) => f.endsWith('index.html'));
      expect(pages.length).toBe(32);
      let links = 0;
      for (const page of pages) {
        const html = await readFile(join(work, 'out', page), 'utf8');
        const base = `/${page.replace(/index\.html$/, '')}`;
        const expected = crawl(html, base);
        links += expected.hrefs.length;
        expect(scanLinks(html, base), page).toEqual(expected);
      }
      // Real pages: each has its navigation, language switch and stylesheets at least.
      expect(links).toBeGreaterThan(30 * 10);
    });
  });
});
