import type { Handle } from '@sveltejs/kit';

/** Sets <html lang> per page: English under /en/, Chinese everywhere else. */
export const handle: Handle = async ({ event, resolve }) => {
  const lang = event.params.lang === 'en' ? 'en' : 'zh-CN';
  return resolve(event, { transformPageChunk: ({ html }) => html.replace('%ipindex.lang%', lang) });
};
