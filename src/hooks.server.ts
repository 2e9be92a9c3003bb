import type { Handle } from '@sveltejs/kit';
import { fillChartSlots } from './routes/chartSlots.server';

/** Sets <html lang> per page (English under /en/, Chinese everywhere else) and puts the charts in. */
export const handle: Handle = async ({ event, resolve }) => {
  const lang = event.params.lang === 'en' ? 'en' : 'zh-CN';
  return resolve(event, { transformPageChunk: ({ html }) => fillChartSlots(html.replace('%ipindex.lang%', lang)) });
};
