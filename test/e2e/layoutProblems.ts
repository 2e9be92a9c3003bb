import type { Page } from 'playwright-core';

/**
 * What a reader of a page at its viewport's width cannot read properly, as lines: the page
 * wider than the screen; a box whose content is cut off or scrolls without the cue of a
 * scrolling box (site.css: .table-wrap, .chart-scroll, whose shaded edge says there is more);
 * text shown smaller than 11 px (CSS size times the scale a chart is drawn at). Empty when none.
 */
// Run in the page as a script of its own: a function passed from here would carry the helpers
// that the test's TypeScript compiler adds to named functions, which the page does not have.
const script = `(() => {
    const problems = [];
    const describe = (element) => \`\${element.tagName.toLowerCase()}\${element.id ? \`#\${element.id}\` : ''}\${element.classList.length > 0 ? \`.\${[...element.classList].join('.')}\` : ''} "\${(element.textContent ?? '').trim().slice(0, 30)}"\`;
    const width = window.innerWidth;
    const pageWidth = document.documentElement.scrollWidth;
    if (pageWidth > width + 1) problems.push(\`the page is \${pageWidth}px wide on a \${width}px screen\`);
    const shown = (element) => element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden';
    for (const element of document.querySelectorAll('body *')) {
      // Inside a scrolling box with a cue, what is wider is scrolled to, not cut off.
      if (!shown(element) || element.closest('svg') !== null || element.parentElement?.closest('.table-wrap, .chart-scroll')) continue;
      const style = getComputedStyle(element);
      if (element.scrollWidth > element.clientWidth + 1 && element.clientWidth > 0 && style.display !== 'inline') {
        const scrolls = style.overflowX === 'auto' || style.overflowX === 'scroll';
        const cued = element.classList.contains('table-wrap') || element.classList.contains('chart-scroll');
        if (!(scrolls && cued) && style.overflowX !== 'visible') problems.push(\`\${describe(element)} is cut off or scrolls without a cue\`);
        if (style.overflowX === 'visible' && element.getBoundingClientRect().left + element.scrollWidth > width + 1) problems.push(\`\${describe(element)} runs past the screen\`);
      }
    }
    // Text: each element with text of its own, at the size it is shown.
    const small = new Map();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (parent === null || (node.textContent ?? '').trim() === '' || !shown(parent)) continue;
      // Text moved off screen on purpose (the skip link until it has focus) is not read at its size.
      if (parent.getBoundingClientRect().right < 0) continue;
      let size = parseFloat(getComputedStyle(parent).fontSize);
      if (parent instanceof SVGElement) size *= parent.getScreenCTM?.()?.a ?? 1;
      if (size < 10.95) small.set(describe(parent), Math.round(size * 10) / 10);
    }
    for (const [where, size] of small) problems.push(\`\${where}: text at \${size}px\`);
    return problems;
})()`;

export async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(script) as Promise<string[]>;
}
