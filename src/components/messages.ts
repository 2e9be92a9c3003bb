import type { Lang } from '../lib/report.ts';
import { en } from './words/en.ts';
import { zh, type Messages } from './words/zh.ts';

export type { Messages };

/** Every word the pages print, in each language of the report: one file per language (words/). */
export const messages: Record<Lang, Messages> = { zh, en };

/** The name of a region or node in the page's language. */
export function nameOf(lang: Lang, row: { name_zh: string; name_en: string }): string {
  return lang === 'zh' ? row.name_zh : row.name_en;
}
