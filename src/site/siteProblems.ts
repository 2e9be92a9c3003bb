import type { RenderResult } from './renderPages.ts';

/**
 * What is broken in a rendered site, one line each: a page that did not render, a link to a
 * path that is neither a page written nor a file (`exists`), a #fragment naming no element of
 * its page. The checks of SvelteKit's prerenderer (handleHttpError, handleMissingId), with the
 * data/ files checked too.
 */
export async function siteProblems(shares: RenderResult[], exists: (path: string) => Promise<boolean>): Promise<string[]> {
  const pages = new Set(shares.flatMap((s) => s.pages));
  const ids = new Map(shares.flatMap((s) => Object.entries(s.ids)));
  const problems = shares.flatMap((s) =>
    s.failed.map((f) => `${f.path} answered ${f.status}${f.from === null ? '' : ` (linked from ${f.from})`}: ${f.message}`),
  );
  const outside = new Map(shares.flatMap((s) => s.outside));
  for (const [path, from] of outside) {
    if (!pages.has(path) && !(await exists(path))) problems.push(`${path} (linked from ${from}) does not exist`);
  }
  for (const [target, from] of new Map(shares.flatMap((s) => s.fragments))) {
    const [path = '', id = ''] = target.split('#');
    const known = ids.get(path);
    // '' and 'top' are the top of any page (HTML's rules for fragments).
    if (known !== undefined && id !== '' && id !== 'top' && !known.includes(id))
      problems.push(`${from} links to ${target}, but ${path} has no element with id="${id}"`);
  }
  return problems;
}
