import { resolve } from '$app/paths';
import type { Pathname } from '$app/types';
import type { Lang } from '../lib/report.ts';

/**
 * The link to a page of the report in a language, e.g. `pagePath('en', 'region/110000')`.
 * Relative in the prerendered HTML (so the report works under any sub-path and from a folder),
 * with the trailing slash the static pages are written with.
 */
export function pagePath(lang: Lang, path = ''): string {
  const trimmed = path.replace(/^\/+|\/+$/g, '');
  const pathname = `/${[lang === 'en' ? 'en' : '', trimmed].filter(Boolean).join('/')}`;
  const resolved = resolve(pathname as Pathname);
  return resolved.endsWith('/') ? resolved : `${resolved}/`;
}

/** The link to a file the pipeline writes beside the pages, e.g. `fileHref('data/scores.csv')`. */
export function fileHref(file: string): string {
  return resolve(`/${file.replace(/^\/+/, '')}` as Pathname);
}
