/**
 * The value at `year` from values known at some years: geometric between the nearest known
 * years, and continuing the growth of the nearest two beyond the first or last.
 */
export function interpolateAnchors(anchors: Readonly<Record<number, number>>, year: number): number {
  const exact = anchors[year];
  if (exact !== undefined) return exact;
  const known = Object.keys(anchors)
    .map(Number)
    .sort((a, b) => a - b);
  if (known.length < 2) {
    throw new Error(`cannot interpolate ${year} from ${known.length} anchor(s)`);
  }
  const above = known.findIndex((k) => k > year);
  const i = above === -1 ? known.length - 1 : Math.max(above, 1);
  const y0 = known[i - 1]!;
  const y1 = known[i]!;
  const v0 = anchors[y0]!;
  const v1 = anchors[y1]!;
  return v0 * (v1 / v0) ** ((year - y0) / (y1 - y0));
}
