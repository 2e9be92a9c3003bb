// Runs in the render worker threads (renderPages.ts).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

// SvelteKit's own helpers, so that addresses resolve and entities decode exactly as its
// prerenderer's crawler (src/core/postbuild/crawl.js) does them.
const { resolve, decode_uri } = (await import(pathToFileURL(kitFile('src/utils/url.js')).href)) as {
  resolve: (base: string, path: string) => string;
  decode_uri: (uri: string) => string;
};
const { decode } = (await import(pathToFileURL(kitFile('src/core/postbuild/entities.js')).href)) as { decode: (text: string) => string };

// What is not markup: the text of scripts and styles, comments, CDATA.
const skipped = /<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>/gi;
// An opening tag with its attributes; a quoted value may hold a '>'.
const tag = /<([a-zA-Z][a-zA-Z0-9]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
// Whether a tag may have an attribute that matters here: most tags (a chart's paths, texts,
// lines) have none, and skipping them is most of the speed.
const wanted = /(?:href|id|src|srcset|name|content)\s*=/i;
// One attribute: a name, then maybe '=' and a value, double-quoted, single-quoted or bare.
const attribute = /([^\t\n\f\r />"'=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

const crawlableMeta = new Set([
  'og:url',
  'og:image',
  'og:image:url',
  'og:image:secure_url',
  'og:video',
  'og:video:url',
  'og:video:secure_url',
  'og:audio',
  'og:audio:url',
  'og:audio:secure_url',
  'twitter:image',
]);

/**
 * The element ids of a page and the addresses it links to (resolved against `base`, the page's
 * path), as SvelteKit's crawler finds them (href, src, srcset, <a name>, <base>, og: and
 * twitter: <meta>, rel="external" left out), but scanned with regular expressions instead of
 * character by character, and only in the tags that can hold a link or an id: a third of the
 * time on the site's pages (the crawler took 7% of the rendering of a prefecture-level build).
 * test/site/scanLinks.test.ts holds it to the crawler's answers on every page of a
 * built report.
 */
export function scanLinks(html: string, base: string): { ids: string[]; hrefs: string[]; invalid: string[] } {
  const ids: string[] = [];
  const hrefs: string[] = [];
  const invalid: string[] = [];
  const push = (url: string) => {
    try {
      hrefs.push(relativePath(base, url) ?? resolve(base, url));
    } catch {
      invalid.push(url);
    }
  };
  for (const [, rawName = '', rawAttributes = ''] of html.replace(skipped, '').matchAll(tag)) {
    if (!wanted.test(rawAttributes)) continue;
    const name = rawName.toUpperCase();
    const attributes: Record<string, string> = {};
    for (const [, key = '', double, single, bare] of rawAttributes.matchAll(attribute)) {
      const value = double ?? single ?? bare;
      if (value !== undefined) attributes[key.toLowerCase()] = value.includes('&') ? decode(value) : value;
    }
    const { href, id, name: anchor, property, rel, src, srcset, content } = attributes;
    if (href) {
      if (name === 'BASE') {
        try {
          base = resolve(base, href);
        } catch {
          invalid.push(href);
        }
      } else if (!rel || !/\bexternal\b/i.test(rel)) {
        push(href);
      }
    }
    if (id) ids.push(decode_uri(id));
    if (anchor && name === 'A') ids.push(decode_uri(anchor));
    if (src) push(src);
    if (srcset) for (const url of srcsetUrls(srcset)) push(url);
    if (name === 'META' && content) {
      const kind = anchor ?? property;
      if (kind && crawlableMeta.has(kind)) push(content);
    }
  }
  return { ids, hrefs, invalid };
}

// A plain relative path, as the pages link to each other and to the app's files: `../` steps,
// then segments of letters, digits and `_-.` (none of them `.` or `..`).
const plainRelative = /^((?:\.\.\/)*)((?:[\w-][\w.-]*|\.[\w-][\w.-]*)(?:\/(?:[\w-][\w.-]*|\.[\w-][\w.-]*))*\/?)$/;

/**
 * `url` resolved against `base` (a path ending in `/`) without the URL parser, when `url` is a
 * plain relative path; null otherwise. A page links to some fifty files and pages, nearly all
 * of them `../../…`: parsing each as a URL was a tenth of the scan.
 */
export function relativePath(base: string, url: string): string | null {
  const plain = base.endsWith('/') && base.startsWith('/') && !base.includes('//') ? plainRelative.exec(url) : null;
  if (plain === null) return null;
  const [, up = '', rest = ''] = plain;
  const segments = base.split('/').slice(1, -1);
  segments.length = Math.max(0, segments.length - up.length / 3);
  return `/${[...segments, rest].join('/')}`;
}

/**
 * The addresses of a srcset, split as SvelteKit's crawler splits them (a comma ends a candidate
 * after its descriptor, or inside an address when whitespace follows it).
 */
function srcsetUrls(srcset: string): string[] {
  const candidates: string[] = [];
  let value = srcset.trim();
  let insideUrl = true;
  for (let i = 0; i < value.length; i++) {
    if (value[i] === ',' && (!insideUrl || /\s/.test(value[i + 1] ?? ''))) {
      candidates.push(value.slice(0, i));
      value = value.substring(i + 1).trim();
      i = 0;
      insideUrl = true;
    } else if (/\s/.test(value[i] ?? '')) {
      insideUrl = false;
    }
  }
  candidates.push(value);
  return candidates.flatMap((candidate) => candidate.split(/\s/)[0] || []);
}

/** A file of the installed @sveltejs/kit. */
export function kitFile(path: string): string {
  return join(dirname(createRequire(import.meta.url).resolve('@sveltejs/kit/package.json')), path);
}
