// Plot numbers the ids of markers, clip paths and patterns from counters global to the process
// (plot-marker-43), so a chart's SVG would depend on how many charts were drawn before it.
const plotId = /\bplot-(marker|clip|pattern)-(\d+)\b/g;

/**
 * The SVG with Plot's generated ids renumbered from 1 in order of appearance and tagged with a
 * hash of the chart itself: the same chart always gets the same ids, whatever was drawn before
 * it or beside it, and two different charts on one page do not share an id.
 */
export function chartIds(svg: string): string {
  const tag = fnv1a(svg.replace(plotId, 'plot-$1'));
  const ids = new Map<string, string>();
  return svg.replace(plotId, (id: string, kind: string) => {
    let renamed = ids.get(id);
    if (renamed === undefined) {
      renamed = `plot-${kind}-${tag}-${ids.size + 1}`;
      ids.set(id, renamed);
    }
    return renamed;
  });
}

// 32-bit FNV-1a (http://www.isthe.com/chongo/tech/comp/fnv/), as 8 hex digits: short, and the
// same in every run, unlike a counter or a random id.
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}
