import type { RegionMatch } from '../lib/regionMatcher.ts';

// Footnotes start with 注 (note), 资料来源 (source) and the like, or a note mark.
const footnote = /^(?:注|附注|备注|说明|资料来源|数据来源|notes?\b|sources?\b|[*※])/iu;
// Tables running over several pages repeat their title with 续表 / (续) / continued.
const continuation = /续表|续前表|[(（]续[)）]|\bcontinued\b|\(cont(?:inued|'d)?\.?\)/iu;

/** Why a row of a source is left out, or null when it is a region's row to read. */
export function leftOutBecause(firstText: string, rowTexts: readonly string[], match: RegionMatch): string | null {
  const first = firstText.normalize('NFKC').trim();
  if (footnote.test(first)) return 'footnote';
  if (rowTexts.some((t) => continuation.test(t.normalize('NFKC')))) return 'continuation title';
  if (match.kind !== 'aggregate') return null;
  if (match.what === 'national') return 'national total';
  if (match.what === 'zone') return 'zone total';
  return 'Hong Kong, Macao or Taiwan (outside the regions)';
}
