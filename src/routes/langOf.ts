import { error } from '@sveltejs/kit';
import type { Lang } from '$lib/report';

/**
 * The language of a page from its optional first segment: none is Chinese, `en` English.
 * Chinese pages sit at the root and English ones under /en/, from one set of route files
 * (`[[lang]]`), so that both languages always have the same pages.
 */
export function langOf(segment: string | undefined): Lang {
  if (segment === undefined || segment === '') return 'zh';
  if (segment === 'en') return 'en';
  error(404, `no page in language "${segment}"`);
}
